package io.hookstream.webhook.spec;

import java.util.List;
import java.util.Objects;

/**
 * An app's connection: the {@code info} request that checks it and learns its uid, and the {@code
 * log.sanitize} paths masked in request and response logs.
 */
public record ConnectionDefinition(RequestSpec info, List<String> logSanitize) {

    public ConnectionDefinition {
        Objects.requireNonNull(info, "info");
        logSanitize = List.copyOf(logSanitize);
    }
}
