package io.hookstream.webhook.request;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request received at a webhook URL, before any interpretation.
 *
 * @param method the HTTP method as sent, e.g. {@code POST}
 * @param path the request path, without the query
 * @param headers the request headers
 * @param rawQuery the query string without {@code ?}, still URL-encoded; empty when there is none
 * @param contentType the {@code Content-Type} header, or {@code null} when absent
 * @param body the body bytes exactly as received (the caller caps their size); never null
 * @param receivedAt when the edge received the request
 */
public record WebhookRequest(
        String method,
        String path,
        Headers headers,
        String rawQuery,
        @Nullable String contentType,
        byte[] body,
        Instant receivedAt) {

    public WebhookRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
        body = body.clone();
    }

    /** A copy of the body, so the request stays immutable. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body length without copying it. */
    public int bodyLength() {
        return body.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookRequest that
                && method.equals(that.method)
                && path.equals(that.path)
                && headers.equals(that.headers)
                && rawQuery.equals(that.rawQuery)
                && Objects.equals(contentType, that.contentType)
                && java.util.Arrays.equals(body, that.body)
                && receivedAt.equals(that.receivedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                method,
                path,
                headers,
                rawQuery,
                contentType,
                java.util.Arrays.hashCode(body),
                receivedAt);
    }

    @Override
    public String toString() {
        return "WebhookRequest[" + method + " " + path + ", " + body.length + " bytes]";
    }
}
