package io.hookstream.webhook.pipeline;

import io.hookstream.iml.value.Value;
import io.hookstream.webhook.request.RequestParser;
import io.hookstream.webhook.request.WebhookRequest;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A request whose variables are built when a directive first reads them: at the edge most specs
 * read headers only, and the router rarely reads {@code rawBody}. The flags come from the body's
 * parse when it happened, or else from the parser's cheaper check; either way they are what {@link
 * RequestParser#parse} would raise. One request, one thread.
 */
final class LazyRequest {

    private final RequestParser parser;
    private final WebhookRequest request;
    private @Nullable Value body;
    private @Nullable Set<String> flags;

    LazyRequest(RequestParser parser, WebhookRequest request) {
        this.parser = parser;
        this.request = request;
    }

    WebhookRequest request() {
        return request;
    }

    RequestParser parser() {
        return parser;
    }

    Value body() {
        if (body == null) {
            Set<String> raised = new LinkedHashSet<>();
            body = parser.body(request, raised);
            flags = Set.copyOf(raised);
        }
        return body;
    }

    Set<String> flags() {
        if (flags == null) {
            flags = parser.flags(request);
        }
        return flags;
    }
}
