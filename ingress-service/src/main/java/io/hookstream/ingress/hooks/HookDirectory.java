package io.hookstream.ingress.hooks;

import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.topic.CompactedTopicView;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.support.apps.HookScopes;
import io.hookstream.support.secrets.DataSealer;
import io.hookstream.support.secrets.SealedDataException;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.WebhookDefinition;
import io.hookstream.webhook.spec.WebhookType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves webhook URLs against the hooks and apps topics, as materialised views.
 *
 * <p>Resolved dedicated hooks are cached until their hook or app record changes. A lookup that
 * misses waits (bounded) for the views to read everything written so far, so that a hook used right
 * after the control plane created it is found rather than answered 404.
 */
public final class HookDirectory {

    private final CompactedTopicView<Hook> hooks;
    private final CompactedTopicView<App> apps;
    private final CompactedTopicView<Connection> connections;
    private final DataSealer sealer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AppCatalog catalog;
    private final HookScopes scopes = new HookScopes();
    private final Duration lookupTimeout;
    private final Map<String, Resolution.Found> foundHooks = new ConcurrentHashMap<>();

    public HookDirectory(
            CompactedTopicView<Hook> hooks,
            CompactedTopicView<App> apps,
            CompactedTopicView<Connection> connections,
            DataSealer sealer,
            AppCatalog catalog,
            Duration lookupTimeout) {
        this.hooks = hooks;
        this.apps = apps;
        this.connections = connections;
        this.sealer = sealer;
        this.catalog = catalog;
        this.lookupTimeout = lookupTimeout;
        hooks.addListener((hookId, hook) -> foundHooks.remove(hookId));
        connections.addListener(
                (connectionId, connection) ->
                        foundHooks
                                .values()
                                .removeIf(
                                        found ->
                                                found.hook() != null
                                                        && connectionId.equals(
                                                                found.hook().getConnectionId())));
        apps.addListener(
                (appId, app) -> {
                    if (app == null) {
                        catalog.evict(appId);
                    }
                    foundHooks.values().removeIf(found -> found.appId().equals(appId));
                });
    }

    /** The dedicated hook behind {@code /hooks/{hookId}}. */
    public Mono<Resolution> dedicated(String hookId) {
        Resolution.Found cached = foundHooks.get(hookId);
        if (cached != null) {
            return Mono.just(cached);
        }
        return lookup(() -> hooks.get(hookId) != null, () -> resolveDedicated(hookId));
    }

    /** The shared webhook behind {@code /apps/{appId}/webhooks/{name}}. */
    public Mono<Resolution> shared(String appId, String webhookName) {
        return lookup(() -> apps.get(appId) != null, () -> resolveShared(appId, webhookName));
    }

    private Mono<Resolution> lookup(BooleanSupplier known, Supplier<Resolution> resolve) {
        if (known.getAsBoolean()) {
            return Mono.fromSupplier(resolve);
        }
        return Mono.fromFuture(() -> hooks.catchUp().thenCombine(apps.catchUp(), (a, b) -> a && b))
                .timeout(lookupTimeout, Mono.just(false))
                .map(caughtUp -> resolve.get());
    }

    private Resolution resolveDedicated(String hookId) {
        Hook hook = hooks.get(hookId);
        if (hook == null || hook.getKind() != WebhookKind.DEDICATED) {
            return new Resolution.Missing("no hook " + hookId);
        }
        if (hook.getStatus() != HookStatus.ACTIVE) {
            return new Resolution.Gone(
                    "hook " + hookId + " is " + hook.getStatus().name().toLowerCase(Locale.ROOT));
        }
        Resolution app =
                appWebhook(hook.getAppId(), hook.getWebhookName(), WebhookType.DEDICATED, true);
        if (!(app instanceof Resolution.Found found)) {
            return app;
        }
        Value connection;
        try {
            connection = connectionData(hook);
        } catch (SealedDataException | JacksonException e) {
            return new Resolution.Broken(
                    hook.getAppId(),
                    "data of connection "
                            + hook.getConnectionId()
                            + " cannot be read: "
                            + e.getMessage());
        }
        Resolution.Found resolved =
                new Resolution.Found(
                        found.appId(),
                        found.webhookName(),
                        found.webhook(),
                        scopes.forHook(found.scope(), hook, connection),
                        hook,
                        EffectiveLimits.of(found.limits(), hook.getLimits()),
                        found.logSanitize());
        // cache only while the hook is still the one resolved; the listener drops it when it
        // changes
        if (hooks.get(hookId) == hook) {
            foundHooks.put(hookId, resolved);
        }
        return resolved;
    }

    /**
     * The hook's connection data, opened, as the {@code connection} variable; none when the hook
     * has no connection.
     */
    private @Nullable Value connectionData(Hook hook) {
        Connection connection =
                hook.getConnectionId() == null ? null : connections.get(hook.getConnectionId());
        if (connection == null) {
            return null;
        }
        ByteBuffer data = connection.getData().duplicate();
        byte[] sealed = new byte[data.remaining()];
        data.get(sealed);
        return Values.fromJson(
                json.readTree(
                        sealer.open(
                                sealed,
                                connection.getDataEncryption(),
                                connection.getConnectionId())));
    }

    private Resolution resolveShared(String appId, String webhookName) {
        return appWebhook(appId, webhookName, WebhookType.SHARED, false);
    }

    private Resolution appWebhook(
            String appId, String webhookName, WebhookType expected, boolean viaHook) {
        App app = apps.get(appId);
        if (app == null) {
            return viaHook
                    ? new Resolution.Gone("app " + appId + " no longer exists")
                    : new Resolution.Missing("no app " + appId);
        }
        AppCatalog.Compiled compiled = catalog.compiled(app);
        if (compiled instanceof AppCatalog.Compiled.Unloadable unloadable) {
            return new Resolution.Broken(appId, unloadable.error());
        }
        AppCatalog.Compiled.Loaded loaded = (AppCatalog.Compiled.Loaded) compiled;
        AppDefinition definition = loaded.definition();
        WebhookDefinition webhook = definition.webhooks().get(webhookName);
        if (webhook == null || webhook.type() != expected) {
            return viaHook
                    ? new Resolution.Gone(
                            "webhook " + webhookName + " no longer exists in app " + appId)
                    : new Resolution.Missing(
                            "no shared webhook " + webhookName + " in app " + appId);
        }
        return new Resolution.Found(
                appId,
                webhookName,
                webhook,
                loaded.appScope(),
                null,
                definition.limits(),
                definition.logSanitize());
    }
}
