package io.hookstream.webhook.respond;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The {@code respond.type} values and the media type each one sends (Decision D22). */
public enum ResponseType {
    JSON("application/json"),
    URLENCODED("application/x-www-form-urlencoded"),
    TEXT("text/plain; charset=utf-8");

    private final String contentType;

    ResponseType(String contentType) {
        this.contentType = contentType;
    }

    /** The type for a directive value, case-insensitively; {@code null} when unknown. */
    public static @Nullable ResponseType fromName(String name) {
        for (ResponseType type : values()) {
            if (type.directiveName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        return null;
    }

    /** The {@code Content-Type} sent with a body of this type. */
    public String contentType() {
        return contentType;
    }

    public String directiveName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
