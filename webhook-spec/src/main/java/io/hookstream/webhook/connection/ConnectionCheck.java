package io.hookstream.webhook.connection;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a connection's {@code info} response says (§7).
 *
 * @param uid the routing key for shared webhooks, as text; {@code null} when not configured,
 *     missing, or the response is invalid
 * @param valid whether the connection works
 * @param errorMessage when invalid: {@code valid.message}, {@code error.<status>.message}, {@code
 *     error.message}, or {@code "Response marked as invalid."}
 * @param errorType when invalid: chosen the same way, default {@code RuntimeError}
 * @param metadata the connection label, when configured and valid
 * @param data values to store with the connection (for attach: with the hook), when configured and
 *     valid
 * @param temp what the response's {@code temp} evaluated to, for the next request of a chain
 */
public record ConnectionCheck(
        @Nullable String uid,
        boolean valid,
        @Nullable String errorMessage,
        @Nullable String errorType,
        @Nullable Metadata metadata,
        @Nullable JsonNode data,
        @Nullable JsonNode temp) {

    /** The error type that says a failure is fine, e.g. a detach of a hook already gone. */
    public static final String IGNORE = "Ignore";

    /** A verdict without {@code temp}. */
    public ConnectionCheck(
            @Nullable String uid,
            boolean valid,
            @Nullable String errorMessage,
            @Nullable String errorType,
            @Nullable Metadata metadata,
            @Nullable JsonNode data) {
        this(uid, valid, errorMessage, errorType, metadata, data, null);
    }

    /** Whether the response failed with the error type {@code Ignore}. */
    public boolean ignored() {
        return !valid && IGNORE.equals(errorType);
    }

    /** A connection label: {@code type} is {@code text} or {@code email}. */
    public record Metadata(String type, String value) {}
}
