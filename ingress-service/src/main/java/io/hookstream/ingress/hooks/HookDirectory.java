package io.hookstream.ingress.hooks;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.topic.CompactedTopicView;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.support.apps.HookScopes;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.WebhookDefinition;
import io.hookstream.webhook.spec.WebhookType;
import reactor.core.publisher.Mono;

/**
 * Resolves webhook URLs against the hooks and apps topics, as materialised views.
 *
 * <p>Resolved dedicated hooks are cached until their hook or app record changes. A lookup that misses
 * waits (bounded) for the views to read everything written so far, so that a hook used right after the
 * control plane created it is found rather than answered 404.
 */
public final class HookDirectory {

    private final CompactedTopicView<Hook> hooks;
    private final CompactedTopicView<App> apps;
    private final AppCatalog catalog;
    private final HookScopes scopes = new HookScopes();
    private final Duration lookupTimeout;
    private final Map<String, Resolution.Found> foundHooks = new ConcurrentHashMap<>();

    public HookDirectory(CompactedTopicView<Hook> hooks, CompactedTopicView<App> apps, AppCatalog catalog,
            Duration lookupTimeout) {
        this.hooks = hooks;
        this.apps = apps;
        this.catalog = catalog;
        this.lookupTimeout = lookupTimeout;
        hooks.addListener((hookId, hook) -> foundHooks.remove(hookId));
        apps.addListener((appId, app) -> {
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
            return new Resolution.Gone("hook " + hookId + " is " + hook.getStatus().name().toLowerCase(Locale.ROOT));
        }
        Resolution app = appWebhook(hook.getAppId(), hook.getWebhookName(), WebhookType.DEDICATED, true);
        if (!(app instanceof Resolution.Found found)) {
            return app;
        }
        AppDefinition definition = catalog.compiled(apps.get(hook.getAppId())).definition();
        Resolution.Found resolved = new Resolution.Found(found.appId(), found.webhookName(), found.webhook(),
            scopes.forHook(definition, hook, null), hook, definition.limits());
        // cache only while the hook is still the one resolved; the listener drops it when it changes
        if (hooks.get(hookId) == hook) {
            foundHooks.put(hookId, resolved);
        }
        return resolved;
    }

    private Resolution resolveShared(String appId, String webhookName) {
        return appWebhook(appId, webhookName, WebhookType.SHARED, false);
    }

    private Resolution appWebhook(String appId, String webhookName, WebhookType expected, boolean viaHook) {
        App app = apps.get(appId);
        if (app == null) {
            return viaHook ? new Resolution.Gone("app " + appId + " no longer exists") : new Resolution.Missing("no app " + appId);
        }
        AppCatalog.Compiled compiled = catalog.compiled(app);
        AppDefinition definition = compiled.definition();
        if (definition == null) {
            return new Resolution.Broken(appId, String.valueOf(compiled.error()));
        }
        WebhookDefinition webhook = definition.webhooks().get(webhookName);
        if (webhook == null || webhook.type() != expected) {
            return viaHook ? new Resolution.Gone("webhook " + webhookName + " no longer exists in app " + appId)
                : new Resolution.Missing("no shared webhook " + webhookName + " in app " + appId);
        }
        return new Resolution.Found(appId, webhookName, webhook, scopes.forApp(definition), null, definition.limits());
    }
}
