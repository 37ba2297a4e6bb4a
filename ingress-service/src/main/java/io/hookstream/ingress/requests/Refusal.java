package io.hookstream.ingress.requests;

import org.jspecify.annotations.Nullable;

/**
 * How a request was answered without an accepted event.
 *
 * @param outcome one of the request log's outcomes ({@code signature_refused}, {@code handshake},
 *     {@code not_found}, {@code gone}, {@code too_large}, {@code rate_limited}, {@code
 *     headers_too_large}, {@code timeout}, {@code edge_error}, {@code app_unloadable}, {@code
 *     unavailable})
 * @param reason why, in words: the signature check's reason, the limit hit, the error's message
 * @param directivePath the directive of an edge evaluation error
 * @param eventId the event a request answered 503 would have been; it may still have been stored
 */
public record Refusal(
        int status,
        String outcome,
        @Nullable String reason,
        @Nullable String directivePath,
        @Nullable String eventId) {

    public static Refusal of(int status, String outcome, @Nullable String reason) {
        return new Refusal(status, outcome, reason, null, null);
    }
}
