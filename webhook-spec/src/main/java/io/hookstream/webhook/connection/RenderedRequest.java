package io.hookstream.webhook.connection;

import io.hookstream.iml.value.Value;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A request directive evaluated and ready to send.
 *
 * @param url the URL as evaluated, without {@code qs}
 * @param method upper-case HTTP method
 * @param headers header lines in directive order; values checked for CR/LF
 * @param qs query parameters in directive order (an array value repeats its key)
 * @param body the evaluated body; undefined for none
 * @param type how to encode {@code body}: {@code json} (default), {@code urlencoded} or {@code
 *     text}
 */
public record RenderedRequest(
        String url,
        String method,
        List<Map.Entry<String, String>> headers,
        List<Map.Entry<String, String>> qs,
        Value body,
        String type) {

    public RenderedRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        headers = List.copyOf(headers);
        qs = List.copyOf(qs);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(type, "type");
    }

    /** {@link #url()} with {@link #qs()} appended, form-encoded. */
    public String urlWithQuery() {
        if (qs.isEmpty()) {
            return url;
        }
        String query =
                qs.stream()
                        .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                        .collect(Collectors.joining("&"));
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
