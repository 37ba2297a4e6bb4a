package io.hookstream.webhook.spec;

import org.jspecify.annotations.Nullable;

/**
 * A compiled {@code verification} directive.
 *
 * @param condition whether a request is a handshake; {@code null} means always (Decision D3)
 * @param respond the handshake answer; {@code null} means the default answer (Decision D2)
 */
public record VerificationSpec(@Nullable Condition condition, @Nullable RespondSpec respond) {}
