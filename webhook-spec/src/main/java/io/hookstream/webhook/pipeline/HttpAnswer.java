package io.hookstream.webhook.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP response the edge sends: status, content type ({@code null} for none), further headers
 * in order, and the body bytes. Header values were checked for CR/LF before they got here.
 */
public record HttpAnswer(
        int status,
        @Nullable String contentType,
        List<Map.Entry<String, String>> headers,
        byte[] body) {

    public HttpAnswer {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException(
                    "status " + status + " is not a three-digit HTTP status");
        }
        headers = headers.stream().map(h -> Map.entry(h.getKey(), h.getValue())).toList();
        body = Objects.requireNonNull(body, "body").clone();
    }

    /** Decision D2: {@code 200}, {@code text/plain}, body {@code Accepted}. */
    public static HttpAnswer accepted() {
        return text(200, "Accepted");
    }

    public static HttpAnswer text(int status, String body) {
        return new HttpAnswer(
                status, "text/plain", List.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8, for tests and diagnostics. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header other than Content-Type, matched case-insensitively. */
    public @Nullable String header(String name) {
        return headers.stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpAnswer that
                && status == that.status
                && Objects.equals(contentType, that.contentType)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "HttpAnswer["
                + status
                + ", "
                + contentType
                + ", "
                + headers
                + ", "
                + body.length
                + " bytes]";
    }
}
