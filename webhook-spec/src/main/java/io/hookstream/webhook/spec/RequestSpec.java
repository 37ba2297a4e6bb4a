package io.hookstream.webhook.spec;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A compiled request directive (connection {@code info}, webhook {@code attach} and {@code
 * detach}). Executing it needs HTTP and belongs to the control plane; this library renders and
 * interprets it (see {@code io.hookstream.webhook.connection}).
 *
 * @param url evaluates to the absolute URL
 * @param method evaluates to the HTTP method; {@code null} means {@code GET}
 * @param headers evaluates to a flat object of request headers
 * @param qs evaluates to a flat object of query parameters
 * @param body evaluates to the request body
 * @param type evaluates to the body encoding ({@code json} by default, {@code urlencoded}, {@code
 *     text})
 * @param response how to read the response; {@code null} means no processing (e.g. detach)
 */
public record RequestSpec(
        Directive url,
        @Nullable Directive method,
        @Nullable Directive headers,
        @Nullable Directive qs,
        @Nullable Directive body,
        @Nullable Directive type,
        @Nullable ResponseSpec response) {

    public RequestSpec {
        Objects.requireNonNull(url, "url");
    }
}
