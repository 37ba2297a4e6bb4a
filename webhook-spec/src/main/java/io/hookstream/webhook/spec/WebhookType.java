package io.hookstream.webhook.spec;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether events arrive at one URL per app (shared, routed by uid) or one URL per hook (dedicated).
 */
public enum WebhookType {
    SHARED,
    DEDICATED;

    public static @Nullable WebhookType fromName(String name) {
        for (WebhookType type : values()) {
            if (type.directiveName().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** The name in app JSON: {@code shared} or {@code dedicated}. */
    public String directiveName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
