package io.hookstream.support.apps;

import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.webhook.pipeline.HookScope;
import io.hookstream.webhook.spec.AppDefinition;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The variables a webhook's directives see, built from the app and, for dedicated webhooks, the
 * hook.
 */
public final class HookScopes {

    private final JsonMapper json = JsonMapper.builder().build();

    /** Shared webhooks: the app's common data; no hook parameters. */
    public HookScope forApp(AppDefinition app) {
        return new HookScope(
                Values.object(Map.of()),
                Values.fromJson(app.common()),
                Values.UNDEFINED,
                Values.UNDEFINED,
                app.timezone());
    }

    /**
     * Dedicated webhooks: the app's scope ({@link #forApp}, computed once per app version) with the
     * hook's parameters (also bound as {@code data}), its connection and its attach data as {@code
     * webhook}.
     */
    public HookScope forHook(HookScope appScope, Hook hook, @Nullable Value connection) {
        Value parameters = Values.fromJson(json.readTree(hook.getParameters()));
        Value webhook =
                hook.getWebhookData() == null
                        ? Values.UNDEFINED
                        : Values.fromJson(json.readTree(hook.getWebhookData()));
        return new HookScope(
                parameters,
                appScope.common(),
                connection == null ? Values.UNDEFINED : connection,
                webhook,
                appScope.timezone());
    }
}
