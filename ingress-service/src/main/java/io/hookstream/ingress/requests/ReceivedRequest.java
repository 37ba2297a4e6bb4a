package io.hookstream.ingress.requests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request as it arrived, unmasked; the log masks and caps it only once the record is admitted.
 *
 * @param body the body, when it was read; null when the request was refused before that
 * @param bodySize the body's size: read, or declared by Content-Length; -1 when unknown
 */
public record ReceivedRequest(
        RequestTarget target,
        Instant receivedAt,
        String method,
        String path,
        List<Map.Entry<String, String>> headers,
        byte @Nullable [] body,
        long bodySize,
        @Nullable String contentType,
        @Nullable String remoteAddress) {}
