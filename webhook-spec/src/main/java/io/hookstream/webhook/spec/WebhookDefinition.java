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
 * @param eventType the CloudEvents {@code type} of its bundles; {@code null} for the default,
 *     {@code io.hookstream.bundle}
 */
public record WebhookDefinition(
        String name,
        WebhookType type,
        WebhookSpec spec,
        @Nullable RequestSpec attach,
        @Nullable RequestSpec detach,
        @Nullable String eventType) {

    public WebhookDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(spec, "spec");
    }

    /** A webhook whose bundles have the default CloudEvents type. */
    public WebhookDefinition(
            String name,
            WebhookType type,
            WebhookSpec spec,
            @Nullable RequestSpec attach,
            @Nullable RequestSpec detach) {
        this(name, type, spec, attach, detach, null);
    }
}
