package io.hookstream.webhook.connection;

import io.hookstream.iml.value.Value;
import io.hookstream.webhook.request.Headers;
import io.hookstream.webhook.request.RequestParser;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP response to a rendered request, as the response directives see it: {@code body} parsed by
 * content type like a webhook body, {@code headers} lower-cased, and the status.
 */
public record ConnectionResponse(int status, Headers headers, Value body) {

    public ConnectionResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** Parses a raw response with {@code parser}'s content-type rules. */
    public static ConnectionResponse of(
            int status, Headers headers, byte[] body, RequestParser parser) {
        @Nullable String contentType = headers.first("content-type");
        return new ConnectionResponse(status, headers, parser.body(body, contentType));
    }

    Value headersValue() {
        return RequestParser.headers(headers);
    }
}
