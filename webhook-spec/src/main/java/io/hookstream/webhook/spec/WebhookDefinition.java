package io.hookstream.webhook.spec;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One webhook of an app.
 *
 * @param name the key under {@code webhooks}
 * @param type shared (one URL per app) or dedicated (one URL per hook)
 * @param spec the compiled directives
 * @param attach for attached dedicated hooks: registers the hook URL with the provider; its {@code
 *     response.data} is saved as the {@code webhook} variable
 * @param detach unregisters the hook; a plain request
 */
public record WebhookDefinition(
        String name,
        WebhookType type,
        WebhookSpec spec,
        @Nullable RequestSpec attach,
        @Nullable RequestSpec detach) {

    public WebhookDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(spec, "spec");
    }
}
