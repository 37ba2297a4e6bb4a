package io.hookstream.connections.hooks;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.hookstream.connections.ControlPlaneSettings;
import io.hookstream.connections.api.ApiProblems;
import io.hookstream.connections.api.Identifiers;
import io.hookstream.connections.store.ControlPlaneStore;
import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.topic.TopicNames;
import io.hookstream.schemas.topic.TopicProvisioner;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.WebhookDefinition;
import io.hookstream.webhook.spec.WebhookType;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/** Dedicated hooks: one URL per hook, owned by one user, whose bundles go to that user's trigger topic. */
@RestController
@RequestMapping("/api/hooks")
class HooksController {

    private static final Logger log = LoggerFactory.getLogger(HooksController.class);

    private final ControlPlaneStore store;
    private final AppCatalog catalog;
    private final TopicProvisioner provisioner;
    private final TopicNames topicNames;
    private final ControlPlaneSettings settings;
    private final Clock clock;
    private final HookIds ids = new HookIds();

    HooksController(ControlPlaneStore store, AppCatalog catalog, TopicProvisioner provisioner, TopicNames topicNames,
            ControlPlaneSettings settings, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.provisioner = provisioner;
        this.topicNames = topicNames;
        this.settings = settings;
        this.clock = clock;
    }

    /** A request to create a hook; {@code webhook} names a dedicated webhook of the app. */
    record CreateHook(String appId, String webhook, String userId, @Nullable JsonNode parameters, @Nullable String connectionId) {
    }

    /** A hook as the API shows it. */
    record HookView(String hookId, String url, String appId, String webhook, String userId, @Nullable String connectionId,
            String status, String triggerTopic, String createdAt) {

        static HookView of(Hook hook, String ingressBaseUrl) {
            return new HookView(hook.getHookId(), ingressBaseUrl + "/hooks/" + hook.getHookId(), hook.getAppId(),
                hook.getWebhookName(), hook.getUserId(), hook.getConnectionId(),
                hook.getStatus().name().toLowerCase(Locale.ROOT), hook.getTriggerTopic(), hook.getCreatedAt().toString());
        }
    }

    @PostMapping
    Mono<ResponseEntity<HookView>> create(@RequestBody CreateHook request) {
        Identifiers.require("appId", request.appId());
        Identifiers.require("userId", request.userId());
        App app = store.app(request.appId());
        if (app == null) {
            return Mono.error(ApiProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, "no app " + request.appId()));
        }
        AppDefinition definition = catalog.compiled(app).definition();
        WebhookDefinition webhook = definition == null ? null : definition.webhooks().get(request.webhook());
        if (webhook == null || webhook.type() != WebhookType.DEDICATED) {
            return Mono.error(ApiProblems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                "app " + request.appId() + " has no dedicated webhook " + request.webhook()));
        }
        if (request.parameters() != null && !request.parameters().isObject()) {
            return Mono.error(ApiProblems.of(HttpStatus.BAD_REQUEST, "parameters must be a JSON object"));
        }
        String triggerTopic = settings.triggerStrategy() == ControlPlaneSettings.TriggerStrategy.PER_USER
            ? topicNames.triggerTopicOf(request.userId()) : topicNames.triggersShared();
        Instant now = clock.instant();
        Hook hook = Hook.newBuilder()
            .setHookId(ids.next())
            .setAppId(request.appId())
            .setWebhookName(request.webhook())
            .setKind(WebhookKind.DEDICATED)
            .setUserId(request.userId())
            .setConnectionId(request.connectionId())
            .setParameters(request.parameters() == null ? "{}" : request.parameters().toString())
            .setStatus(HookStatus.ACTIVE)
            .setTriggerTopic(triggerTopic)
            .setCreatedAt(now)
            .setUpdatedAt(now)
            .build();
        // the trigger topic exists before the hook does, so the router never routes to a missing topic
        return Mono.fromRunnable(() -> provisioner.ensureTriggerTopic(triggerTopic))
            .subscribeOn(Schedulers.boundedElastic())
            .then(store.putHook(hook))
            .then(Mono.fromSupplier(() -> {
                log.info("event=hook_created hook={} app={} webhook={} user={}", hook.getHookId(), hook.getAppId(),
                    hook.getWebhookName(), hook.getUserId());
                return ResponseEntity.status(HttpStatus.CREATED).body(HookView.of(hook, settings.ingressBaseUrl()));
            }));
    }

    @GetMapping("/{hookId}")
    Mono<HookView> get(@PathVariable String hookId) {
        Hook hook = store.hook(hookId);
        if (hook == null) {
            return Mono.error(ApiProblems.of(HttpStatus.NOT_FOUND, "no hook " + hookId));
        }
        return Mono.just(HookView.of(hook, settings.ingressBaseUrl()));
    }

    /** Deleting keeps a DELETED record (not a tombstone) so that the ingress answers 410 rather than 404. */
    @DeleteMapping("/{hookId}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String hookId) {
        Hook hook = store.hook(hookId);
        if (hook == null || hook.getStatus() == HookStatus.DELETED) {
            return Mono.error(ApiProblems.of(HttpStatus.NOT_FOUND, "no hook " + hookId));
        }
        Hook deleted = Hook.newBuilder(hook).setStatus(HookStatus.DELETED).setUpdatedAt(clock.instant()).build();
        return store.putHook(deleted).then(Mono.fromSupplier(() -> {
            log.info("event=hook_deleted hook={} app={} user={}", hookId, hook.getAppId(), hook.getUserId());
            return ResponseEntity.noContent().build();
        }));
    }
}
