package io.hookstream.ingress.hooks;

import io.hookstream.schemas.avro.Hook;
import io.hookstream.webhook.pipeline.HookScope;
import io.hookstream.webhook.spec.AppLimits;
import io.hookstream.webhook.spec.WebhookDefinition;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a webhook URL points at. */
public sealed interface Resolution {

    /** An active hook or shared webhook, with the variables its directives see. */
    record Found(
            String appId,
            String webhookName,
            WebhookDefinition webhook,
            HookScope scope,
            @Nullable Hook hook,
            AppLimits limits,
            List<String> logSanitize)
            implements Resolution {

        /** {@code logSanitize}: the app's paths masked wherever its requests are shown. */
        public Found {
            logSanitize = List.copyOf(logSanitize);
        }

        /** The key of this webhook's rate limit: the hook, or the app's shared webhook. */
        public String limitKey() {
            return hook != null ? hook.getHookId() : appId + "/" + webhookName;
        }
    }

    /** No such hook or webhook: 404. */
    record Missing(String detail) implements Resolution {}

    /** The hook was disabled or deleted, or its app or webhook no longer exists: 410. */
    record Gone(String detail) implements Resolution {}

    /**
     * The app's stored definition cannot be loaded by this version: 500, so that the sender retries
     * later.
     */
    record Broken(String appId, String detail) implements Resolution {}
}
