package io.hookstream.webhook.request;

import io.hookstream.iml.value.Value;
import java.util.Objects;
import java.util.Set;

/**
 * A request translated into the IML variables of §6.2 and extension E1.
 *
 * @param body the body by content type (E5); undefined for an empty body (D23)
 * @param query the decoded query string as a flat object; repeated keys become arrays
 * @param headers lower-cased header names to their text; repeated headers are joined with {@code ",
 *     "}
 * @param method the HTTP method as text
 * @param rawBody the body exactly as received: text, or a buffer when it is not valid UTF-8
 * @param flags {@link RequestFlags} raised while parsing; empty for a clean request
 */
public record ParsedRequest(
        Value body, Value query, Value headers, Value method, Value rawBody, Set<String> flags) {

    public ParsedRequest {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawBody, "rawBody");
        flags = Set.copyOf(flags);
    }
}
