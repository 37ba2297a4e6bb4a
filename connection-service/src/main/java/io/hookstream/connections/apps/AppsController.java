package io.hookstream.connections.apps;

import io.hookstream.connections.ControlPlaneSettings;
import io.hookstream.connections.api.ApiProblems;
import io.hookstream.connections.api.Identifiers;
import io.hookstream.connections.store.ControlPlaneStore;
import io.hookstream.schemas.avro.App;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.hookstream.webhook.spec.SpecException;
import io.hookstream.webhook.spec.SpecWarning;
import io.hookstream.webhook.spec.WebhookType;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apps: registered by id with their whole definition; every IML template is compiled before
 * storing.
 */
@RestController
@RequestMapping("/api/apps")
class AppsController {

    private static final Logger log = LoggerFactory.getLogger(AppsController.class);

    private final ControlPlaneStore store;
    private final AppDefinitionParser parser;
    private final ControlPlaneSettings settings;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    AppsController(
            ControlPlaneStore store,
            AppDefinitionParser parser,
            ControlPlaneSettings settings,
            Clock clock) {
        this.store = store;
        this.parser = parser;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a client learns about a stored app. */
    record AppSummary(
            String appId,
            long version,
            List<WebhookSummary> webhooks,
            List<SpecWarning> warnings) {}

    /** A webhook of an app; shared webhooks have one URL for the whole app. */
    record WebhookSummary(
            String name, String type, @org.jspecify.annotations.Nullable String url) {}

    @PutMapping(path = "/{appId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AppSummary>> put(
            @PathVariable String appId, @RequestBody String definition) {
        Identifiers.require("appId", appId);
        AppDefinition parsed;
        try {
            parsed = parser.parse(appId, definition);
        } catch (SpecException e) {
            return Mono.error(ApiProblems.invalidSpec(e.problems()));
        }
        App previous = store.app(appId);
        long version = previous == null ? 1 : previous.getVersion() + 1;
        App app =
                App.newBuilder()
                        .setAppId(appId)
                        .setDefinition(definition)
                        .setVersion(version)
                        .setUpdatedAt(clock.instant())
                        .build();
        return store.putApp(app)
                .then(
                        Mono.fromSupplier(
                                () -> {
                                    log.info(
                                            "event=app_stored app={} version={} webhooks={} warnings={}",
                                            appId,
                                            version,
                                            parsed.webhooks().size(),
                                            parsed.warnings().size());
                                    return ResponseEntity.status(
                                                    previous == null
                                                            ? HttpStatus.CREATED
                                                            : HttpStatus.OK)
                                            .body(summary(appId, version, parsed));
                                }));
    }

    @GetMapping("/{appId}")
    Mono<Map<String, Object>> get(@PathVariable String appId) {
        App app = store.app(appId);
        if (app == null) {
            return Mono.error(ApiProblems.of(HttpStatus.NOT_FOUND, "no app " + appId));
        }
        JsonNode definition = json.readTree(app.getDefinition());
        List<WebhookSummary> webhooks;
        try {
            webhooks =
                    summary(appId, app.getVersion(), parser.parse(appId, app.getDefinition()))
                            .webhooks();
        } catch (SpecException e) {
            // stored before a rule it breaks existed: shown as it is, its webhooks unknown
            webhooks = List.of();
        }
        return Mono.just(
                Map.of(
                        "appId",
                        appId,
                        "version",
                        app.getVersion(),
                        "updatedAt",
                        app.getUpdatedAt().toString(),
                        "definition",
                        definition,
                        "webhooks",
                        webhooks));
    }

    /**
     * 204 and a tombstone; 404 for an unknown app; 409 while hooks (other than deleted ones) or
     * connections still belong to it, since deleting it would strand them: delete those first.
     */
    @DeleteMapping("/{appId}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String appId) {
        if (store.app(appId) == null) {
            return Mono.error(ApiProblems.of(HttpStatus.NOT_FOUND, "no app " + appId));
        }
        long hooks =
                store.hookIndex().ofApp(appId).stream()
                        .map(store::hook)
                        .filter(java.util.Objects::nonNull)
                        .filter(
                                h ->
                                        h.getAppId().equals(appId)
                                                && h.getStatus()
                                                        != io.hookstream.schemas.avro.HookStatus
                                                                .DELETED)
                        .count();
        long connections =
                store.connections().stream().filter(c -> c.getAppId().equals(appId)).count();
        if (hooks > 0 || connections > 0) {
            return Mono.error(
                    ApiProblems.of(
                            HttpStatus.CONFLICT,
                            "app "
                                    + appId
                                    + " still has "
                                    + hooks
                                    + " hook(s) and "
                                    + connections
                                    + " connection(s); delete them first"));
        }
        return store.deleteApp(appId)
                .then(
                        Mono.fromSupplier(
                                () -> {
                                    log.info("event=app_deleted app={}", appId);
                                    return ResponseEntity.noContent().build();
                                }));
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return store.apps().stream()
                .sorted(Comparator.comparing(App::getAppId))
                .map(
                        app ->
                                Map.<String, Object>of(
                                        "appId", app.getAppId(), "version", app.getVersion()))
                .toList();
    }

    private AppSummary summary(String appId, long version, AppDefinition app) {
        List<WebhookSummary> webhooks =
                app.webhooks().values().stream()
                        .map(
                                w ->
                                        new WebhookSummary(
                                                w.name(),
                                                w.type().name().toLowerCase(java.util.Locale.ROOT),
                                                w.type() == WebhookType.SHARED
                                                        ? settings.ingressBaseUrl()
                                                                + "/apps/"
                                                                + appId
                                                                + "/webhooks/"
                                                                + w.name()
                                                        : null))
                        .toList();
        return new AppSummary(appId, version, webhooks, app.warnings());
    }
}
