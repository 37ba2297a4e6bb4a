package io.hookstream.webhook.spec;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One webhook of an app.
 *
 * @param name the key under {@code webhooks}
 * @param type shared (one URL per app) or dedicated (one URL per hook)
 * @param spec the compiled directives
 * @param attach for attached dedicated hooks: the requests that register the hook URL with the
 *     provider, in order, each seeing the previous one's {@code response.temp} as {@code temp};
 *     their {@code response.data} is saved as the {@code webhook} variable; empty for none
 * @param detach the requests that unregister the hook, chained the same way; empty for none
 * @param eventType the CloudEvents {@code type} of its bundles; {@code null} for the default,
 *     {@code io.hookstream.bundle}
 * @param parameters what a hook of this webhook is created with, checked at creation
 */
public record WebhookDefinition(
        String name,
        WebhookType type,
        WebhookSpec spec,
        List<RequestSpec> attach,
        List<RequestSpec> detach,
        @Nullable String eventType,
        ParameterSchema parameters) {

    public WebhookDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(spec, "spec");
        attach = List.copyOf(attach);
        detach = List.copyOf(detach);
        Objects.requireNonNull(parameters, "parameters");
    }

    /** A webhook with at most one attach and one detach request and no parameter schema. */
    public WebhookDefinition(
            String name,
            WebhookType type,
            WebhookSpec spec,
            @Nullable RequestSpec attach,
            @Nullable RequestSpec detach) {
        this(
                name,
                type,
                spec,
                attach == null ? List.of() : List.of(attach),
                detach == null ? List.of() : List.of(detach),
                null,
                ParameterSchema.NONE);
    }

    /** Whether the webhook registers its hooks with the provider. */
    public boolean attached() {
        return !attach.isEmpty();
    }
}
