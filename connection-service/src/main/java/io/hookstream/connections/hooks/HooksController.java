package io.hookstream.connections.hooks;

import io.hookstream.connections.ControlPlaneSettings;
import io.hookstream.connections.api.ApiProblems;
import io.hookstream.connections.api.Identifiers;
import io.hookstream.connections.ids.RandomIds;
import io.hookstream.connections.remote.RemoteFailure;
import io.hookstream.connections.store.ControlPlaneStore;
import io.hookstream.connections.store.HookListing;
import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookLimits;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.bundle.BundleFormat;
import io.hookstream.schemas.topic.TopicNames;
import io.hookstream.schemas.topic.TopicProvisioner;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.hookstream.webhook.spec.AppLimits;
import io.hookstream.webhook.spec.RequestSpec;
import io.hookstream.webhook.spec.SpecException;
import io.hookstream.webhook.spec.SpecProblem;
import io.hookstream.webhook.spec.WebhookDefinition;
import io.hookstream.webhook.spec.WebhookType;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Hooks: a user's subscription to one webhook of an app. A dedicated hook has its own URL (and,
 * when the webhook has {@code attach}, registers it with the provider); a shared one is a share of
 * the app's URL, routed to its owner by the uid of the connection it names (§6.4). Bundles of
 * either go to the owner's trigger topic.
 */
@RestController
@RequestMapping("/api/hooks")
class HooksController {

    private static final Logger log = LoggerFactory.getLogger(HooksController.class);

    private final ControlPlaneStore store;
    private final AppCatalog catalog;
    private final TopicProvisioner provisioner;
    private final TopicNames topicNames;
    private final ControlPlaneSettings settings;
    private final Attachments attachments;
    private final RandomIds ids;
    private final Clock clock;

    private final HookListing listing;

    HooksController(
            ControlPlaneStore store,
            AppCatalog catalog,
            TopicProvisioner provisioner,
            TopicNames topicNames,
            ControlPlaneSettings settings,
            Attachments attachments,
            RandomIds ids,
            Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.provisioner = provisioner;
        this.topicNames = topicNames;
        this.settings = settings;
        this.attachments = attachments;
        this.ids = ids;
        this.clock = clock;
        this.listing = new HookListing(store.hookIndex(), store::hook);
    }

    /**
     * A request to create a hook. {@code connectionId} is required for a shared webhook (its uid
     * routes the events) and optional for a dedicated one (its data is the {@code connection} of
     * attach and detach).
     */
    record CreateHook(
            @Nullable String appId,
            @Nullable String webhook,
            @Nullable String userId,
            @Nullable JsonNode parameters,
            @Nullable String connectionId,
            @Nullable JsonNode limits,
            @Nullable String bundleFormat) {}

    /** A change of status: {@code active} or {@code disabled}. */
    record ChangeHook(@Nullable String status) {}

    /**
     * A hook as the API shows it. {@code attached}: the provider accepted an attach request for it.
     * The attach data itself is not shown, since providers may put secrets in it.
     */
    record HookView(
            String hookId,
            String kind,
            String url,
            String appId,
            String webhook,
            String userId,
            @Nullable String connectionId,
            String status,
            boolean attached,
            String triggerTopic,
            String createdAt,
            String updatedAt) {

        static HookView of(Hook hook, String ingressBaseUrl) {
            return new HookView(
                    hook.getHookId(),
                    hook.getKind().name().toLowerCase(Locale.ROOT),
                    urlOf(hook, ingressBaseUrl),
                    hook.getAppId(),
                    hook.getWebhookName(),
                    hook.getUserId(),
                    hook.getConnectionId(),
                    hook.getStatus().name().toLowerCase(Locale.ROOT),
                    hook.getWebhookData() != null,
                    hook.getTriggerTopic(),
                    hook.getCreatedAt().toString(),
                    hook.getUpdatedAt().toString());
        }
    }

    /**
     * What the hook records as its bundle format: a format name pins it; none follows the router's
     * {@code hookstream.router.bundle-format}, as {@value #ROUTER_DEFAULT_FORMAT}.
     */
    private static String bundleFormat(@Nullable String requested) {
        if (requested == null || requested.isBlank()) {
            return ROUTER_DEFAULT_FORMAT;
        }
        try {
            return BundleFormat.of(requested).configName();
        } catch (IllegalArgumentException e) {
            throw ApiProblems.of(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
        }
    }

    /** The value the router reads as "its configured format" (see the router's BundleFormats). */
    static final String ROUTER_DEFAULT_FORMAT = "default";

    /** The address senders use: the hook's own for dedicated hooks, the app's for shared ones. */
    static String urlOf(Hook hook, String ingressBaseUrl) {
        return hook.getKind() == WebhookKind.SHARED
                ? ingressBaseUrl + "/apps/" + hook.getAppId() + "/webhooks/" + hook.getWebhookName()
                : ingressBaseUrl + "/hooks/" + hook.getHookId();
    }

    /**
     * 201 with the hook; 400 for malformed input; 422 for an unknown app or webhook or a connection
     * of another user or app; 502 when the provider refused or did not answer the attach request,
     * in which case nothing is stored.
     */
    @PostMapping
    Mono<ResponseEntity<HookView>> create(@RequestBody CreateHook request) {
        // a JSON body may leave any field out
        String appId = Identifiers.require("appId", request.appId());
        String userId = Identifiers.require("userId", request.userId());
        String webhookName = request.webhook();
        if (webhookName == null || webhookName.isBlank()) {
            throw ApiProblems.of(HttpStatus.BAD_REQUEST, "webhook is required");
        }
        if (request.parameters() != null && !request.parameters().isObject()) {
            throw ApiProblems.of(HttpStatus.BAD_REQUEST, "parameters must be a JSON object");
        }
        HookLimits limits =
                request.limits() == null || request.limits().isNull()
                        ? null
                        : hookLimits(request.limits());
        String bundleFormat = bundleFormat(request.bundleFormat());
        AppDefinition definition = definition(appId);
        WebhookDefinition webhook = definition.webhook(webhookName);
        if (webhook == null) {
            throw ApiProblems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "app " + appId + " has no webhook " + webhookName);
        }
        List<SpecProblem> invalid = webhook.parameters().check(request.parameters());
        if (!invalid.isEmpty()) {
            throw ApiProblems.invalidParameters(invalid);
        }
        Connection connection =
                request.connectionId() == null
                        ? null
                        : ownedConnection(request.connectionId(), appId, userId);
        if (webhook.type() == WebhookType.SHARED) {
            requireRoutable(connection, webhookName);
        }
        String triggerTopic =
                settings.triggerStrategy() == ControlPlaneSettings.TriggerStrategy.PER_USER
                        ? topicNames.triggerTopicOf(userId)
                        : topicNames.triggersShared();
        Instant now = clock.instant();
        Hook hook =
                Hook.newBuilder()
                        .setHookId(ids.next())
                        .setAppId(appId)
                        .setWebhookName(webhookName)
                        .setKind(
                                webhook.type() == WebhookType.SHARED
                                        ? WebhookKind.SHARED
                                        : WebhookKind.DEDICATED)
                        .setUserId(userId)
                        .setConnectionId(request.connectionId())
                        .setParameters(
                                request.parameters() == null
                                        ? "{}"
                                        : request.parameters().toString())
                        .setStatus(HookStatus.ACTIVE)
                        .setTriggerTopic(triggerTopic)
                        .setLimits(limits)
                        .setBundleFormat(bundleFormat)
                        .setCreatedAt(now)
                        .setUpdatedAt(now)
                        .build();
        String url = urlOf(hook, settings.ingressBaseUrl());
        List<RequestSpec> attach =
                webhook.type() == WebhookType.DEDICATED ? webhook.attach() : List.of();
        Mono<Hook> ready =
                attach.isEmpty()
                        ? Mono.just(hook)
                        : attachments.attach(definition, attach, hook, url, connection);
        // the trigger topic exists before the hook does, so the router never routes to a missing
        // topic
        return Mono.fromRunnable(() -> provisioner.ensureTriggerTopic(triggerTopic))
                .subscribeOn(Schedulers.boundedElastic())
                .then(ready)
                .flatMap(
                        attached ->
                                store.putHook(attached)
                                        .onErrorResume(
                                                error ->
                                                        undoAttach(
                                                                        definition,
                                                                        webhook,
                                                                        attached,
                                                                        connection)
                                                                .then(Mono.error(error)))
                                        .thenReturn(attached))
                .map(
                        stored -> {
                            log.info(
                                    "event=hook_created hook={} kind={} app={} webhook={} user={} connection={} attached={}",
                                    stored.getHookId(),
                                    stored.getKind(),
                                    stored.getAppId(),
                                    stored.getWebhookName(),
                                    stored.getUserId(),
                                    stored.getConnectionId(),
                                    !attach.isEmpty());
                            return ResponseEntity.created(
                                            URI.create("/api/hooks/" + stored.getHookId()))
                                    .body(HookView.of(stored, settings.ingressBaseUrl()));
                        })
                .onErrorMap(RemoteFailure.class, ApiProblems::remoteFailure);
    }

    /**
     * The hook's own limits, validated like an app's: {@code {"maxBodyBytes": n, "rateLimit":
     * {"requests": n, "periodSeconds": n}}}.
     */
    private static HookLimits hookLimits(JsonNode limits) {
        AppLimits parsed;
        try {
            parsed = AppDefinitionParser.parseLimits(limits);
        } catch (SpecException e) {
            throw ApiProblems.invalidSpec(e.problems());
        }
        AppLimits.RateLimit rate = parsed.rateLimit();
        return new HookLimits(
                parsed.maxBodyBytes(),
                rate == null ? null : rate.requests(),
                rate == null ? null : rate.period().toSeconds());
    }

    /** A page of hooks and where the next one starts; {@code next} is null on the last page. */
    record HookPage(java.util.List<HookView> hooks, @Nullable String next) {}

    /** The most hooks one page holds. */
    static final int MAX_PAGE = 500;

    /**
     * Hooks in hook-id order, filtered by app, user and status (deleted ones only when asked for),
     * one page at a time: {@code after} is the {@code next} of the page before. A page is read from
     * the index from the cursor on ({@link HookListing}), so its cost is that of the hooks it skips
     * and shows, not of every hook there is.
     */
    @GetMapping
    HookPage list(
            @RequestParam(required = false) @Nullable String appId,
            @RequestParam(required = false) @Nullable String userId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiProblems.of(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_PAGE);
        }
        HookStatus wanted = status == null || status.isBlank() ? null : parseAnyStatus(status);
        HookListing.Page page =
                listing.page(
                        new HookListing.Query(
                                blankToNull(appId), blankToNull(userId), wanted, after, limit));
        return new HookPage(
                page.hooks().stream().map(h -> HookView.of(h, settings.ingressBaseUrl())).toList(),
                page.next());
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static HookStatus parseAnyStatus(String status) {
        try {
            return HookStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblems.of(
                    HttpStatus.BAD_REQUEST, "status must be active, disabled or deleted");
        }
    }

    @GetMapping("/{hookId}")
    Mono<HookView> get(@PathVariable String hookId) {
        Hook hook = store.hook(hookId);
        if (hook == null) {
            return Mono.error(ApiProblems.of(HttpStatus.NOT_FOUND, "no hook " + hookId));
        }
        return Mono.just(HookView.of(hook, settings.ingressBaseUrl()));
    }

    /** Disables a hook (the ingress then answers 410 and publishes nothing) or enables it again. */
    @PatchMapping("/{hookId}")
    Mono<HookView> change(@PathVariable String hookId, @RequestBody ChangeHook request) {
        HookStatus status = parseStatus(request.status());
        Hook hook = store.hook(hookId);
        if (hook == null) {
            return Mono.error(ApiProblems.of(HttpStatus.NOT_FOUND, "no hook " + hookId));
        }
        if (hook.getStatus() == HookStatus.DELETED) {
            return Mono.error(
                    ApiProblems.of(HttpStatus.CONFLICT, "hook " + hookId + " is deleted"));
        }
        if (hook.getStatus() == status) {
            return Mono.just(HookView.of(hook, settings.ingressBaseUrl()));
        }
        Hook changed =
                Hook.newBuilder(hook).setStatus(status).setUpdatedAt(clock.instant()).build();
        return store.putHook(changed)
                .then(
                        Mono.fromSupplier(
                                () -> {
                                    log.info(
                                            "event=hook_status_changed hook={} app={} user={} status={}",
                                            hookId,
                                            hook.getAppId(),
                                            hook.getUserId(),
                                            status);
                                    return HookView.of(changed, settings.ingressBaseUrl());
                                }));
    }

    /**
     * Runs the webhook's {@code detach}, if it has one, then keeps a DELETED record (not a
     * tombstone) so that the ingress answers 410 rather than 404. When the provider refuses or does
     * not answer the detach, the hook is kept (502) so that no registration is orphaned silently;
     * {@code force=true} deletes it anyway and logs the failed detach.
     */
    @DeleteMapping("/{hookId}")
    Mono<ResponseEntity<Void>> delete(
            @PathVariable String hookId, @RequestParam(defaultValue = "false") boolean force) {
        Hook hook = store.hook(hookId);
        if (hook == null || hook.getStatus() == HookStatus.DELETED) {
            return Mono.error(ApiProblems.of(HttpStatus.NOT_FOUND, "no hook " + hookId));
        }
        Mono<Boolean> detached =
                detach(hook)
                        .onErrorResume(
                                error -> force,
                                error -> {
                                    log.warn(
                                            "event=hook_detach_skipped hook={} app={} user={} reason=forced_delete detail=\"{}\"",
                                            hookId,
                                            hook.getAppId(),
                                            hook.getUserId(),
                                            detail(error));
                                    return Mono.just(false);
                                });
        return detached.flatMap(
                        wasDetached -> {
                            Hook deleted =
                                    Hook.newBuilder(hook)
                                            .setStatus(HookStatus.DELETED)
                                            .setUpdatedAt(clock.instant())
                                            .build();
                            return store.putHook(deleted)
                                    .then(
                                            Mono.fromSupplier(
                                                    () -> {
                                                        log.info(
                                                                "event=hook_deleted hook={} app={} user={} detached={}",
                                                                hookId,
                                                                hook.getAppId(),
                                                                hook.getUserId(),
                                                                wasDetached);
                                                        return ResponseEntity.noContent()
                                                                .<Void>build();
                                                    }));
                        })
                .onErrorMap(RemoteFailure.class, ApiProblems::remoteFailure);
    }

    /** Emits whether a detach request ran; an app that no longer loads cannot say how to detach. */
    private Mono<Boolean> detach(Hook hook) {
        if (hook.getKind() != WebhookKind.DEDICATED) {
            return Mono.just(false);
        }
        App app = store.app(hook.getAppId());
        if (app == null || !(catalog.compiled(app) instanceof AppCatalog.Compiled.Loaded loaded)) {
            return Mono.error(
                    ApiProblems.of(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "app "
                                    + hook.getAppId()
                                    + " does not load, so the hook cannot be detached; delete with force=true to drop it anyway"));
        }
        AppDefinition definition = loaded.definition();
        WebhookDefinition webhook = definition.webhook(hook.getWebhookName());
        List<RequestSpec> detach = webhook == null ? List.of() : webhook.detach();
        if (detach.isEmpty()) {
            return Mono.just(false);
        }
        Connection connection =
                hook.getConnectionId() == null ? null : store.connection(hook.getConnectionId());
        return attachments.detach(definition, detach, hook, connection).thenReturn(true);
    }

    /**
     * Best effort after an attach whose hook could not be stored, so the provider does not keep a
     * dead URL.
     */
    private Mono<Void> undoAttach(
            AppDefinition app,
            WebhookDefinition webhook,
            Hook hook,
            @Nullable Connection connection) {
        if (webhook.attach().isEmpty() || webhook.detach().isEmpty()) {
            return Mono.empty();
        }
        return attachments
                .detach(app, webhook.detach(), hook, connection)
                .doOnError(
                        error ->
                                log.warn(
                                        "event=hook_attach_not_undone hook={} app={} user={}",
                                        hook.getHookId(),
                                        hook.getAppId(),
                                        hook.getUserId()))
                .onErrorResume(error -> Mono.empty())
                .then();
    }

    private AppDefinition definition(String appId) {
        App app = store.app(appId);
        if (app == null) {
            throw ApiProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, "no app " + appId);
        }
        if (!(catalog.compiled(app) instanceof AppCatalog.Compiled.Loaded loaded)) {
            throw ApiProblems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "app " + appId + " does not load; store it again");
        }
        return loaded.definition();
    }

    /** The connection, which must belong to the same user and app as the hook. */
    private Connection ownedConnection(String connectionId, String appId, String userId) {
        Connection connection = store.connection(connectionId);
        if (connection == null) {
            throw ApiProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, "no connection " + connectionId);
        }
        if (!connection.getAppId().equals(appId) || !connection.getUserId().equals(userId)) {
            throw ApiProblems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "connection "
                            + connectionId
                            + " does not belong to user "
                            + userId
                            + " of app "
                            + appId);
        }
        return connection;
    }

    /**
     * A shared webhook's events find their hook through the connection's uid, so it must have one.
     */
    private static void requireRoutable(@Nullable Connection connection, String webhook) {
        if (connection == null) {
            throw ApiProblems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "webhook "
                            + webhook
                            + " is shared: connectionId is required, its uid routes the events");
        }
        if (!connection.getValid()) {
            throw ApiProblems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "connection "
                            + connection.getConnectionId()
                            + " is invalid; verify or update it first");
        }
        if (connection.getUid() == null) {
            throw ApiProblems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "connection "
                            + connection.getConnectionId()
                            + " has no uid, so shared events cannot be routed to it");
        }
    }

    /** The answer's detail; every message on this path is built from redacted text. */
    private static String detail(Throwable error) {
        if (error instanceof ErrorResponseException response
                && response.getBody().getDetail() != null) {
            return response.getBody().getDetail();
        }
        return String.valueOf(error.getMessage());
    }

    private static HookStatus parseStatus(@Nullable String status) {
        if ("active".equals(status)) {
            return HookStatus.ACTIVE;
        }
        if ("disabled".equals(status)) {
            return HookStatus.DISABLED;
        }
        throw ApiProblems.of(
                HttpStatus.BAD_REQUEST,
                "status must be active or disabled (DELETE removes a hook)");
    }
}
