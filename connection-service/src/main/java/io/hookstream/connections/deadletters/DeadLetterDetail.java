package io.hookstream.connections.deadletters;

import io.hookstream.connections.activity.HeaderView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One dead letter with the raw request it holds: headers and body masked as the app's {@code
 * log.sanitize} asks, the body cut at the configured size.
 */
record DeadLetterDetail(DeadLetterView deadLetter, Request request) {

    record Request(
            String method,
            String path,
            @Nullable String contentType,
            List<HeaderView> headers,
            String body,
            long bodySize,
            boolean bodyTruncated) {}
}
