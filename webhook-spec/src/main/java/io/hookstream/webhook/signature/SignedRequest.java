package io.hookstream.webhook.signature;

import io.hookstream.webhook.request.Headers;
import java.time.Instant;
import java.util.Objects;

/**
 * What a signature is checked against.
 *
 * @param headers the request headers
 * @param payload the signed bytes before any scheme-specific framing: the raw body, or for the
 *     generic scheme the evaluated {@code payload} template
 * @param now the current time, for schemes with a timestamp
 */
public record SignedRequest(Headers headers, byte[] payload, Instant now) {

    public SignedRequest {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(now, "now");
    }
}
