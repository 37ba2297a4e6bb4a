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
 */
public record ConnectionCheck(
        @Nullable String uid,
        boolean valid,
        @Nullable String errorMessage,
        @Nullable String errorType,
        @Nullable Metadata metadata,
        @Nullable JsonNode data) {

    /** A connection label: {@code type} is {@code text} or {@code email}. */
    public record Metadata(String type, String value) {}
}
