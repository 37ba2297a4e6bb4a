package io.hookstream.webhook.spec;

import org.jspecify.annotations.Nullable;

/**
 * A compiled {@code respond} (or {@code verification.respond}) directive; absent parts take the
 * defaults of Decision D22: type {@code json}, status 200, no extra headers, empty body.
 */
public record RespondSpec(
        @Nullable Directive type,
        @Nullable Directive status,
        @Nullable Directive headers,
        @Nullable Directive body) {}
