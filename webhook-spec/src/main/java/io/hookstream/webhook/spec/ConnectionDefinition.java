package io.hookstream.webhook.spec;

import java.util.List;
import java.util.Objects;

/**
 * An app's connection: the {@code info} request that checks it and learns its uid, the {@code
 * log.sanitize} paths masked in request and response logs, and the parameters a connection is
 * created with.
 */
public record ConnectionDefinition(
        RequestSpec info, List<String> logSanitize, ParameterSchema parameters) {

    public ConnectionDefinition {
        Objects.requireNonNull(info, "info");
        logSanitize = List.copyOf(logSanitize);
        Objects.requireNonNull(parameters, "parameters");
    }

    /** A connection that declares no parameters. */
    public ConnectionDefinition(RequestSpec info, List<String> logSanitize) {
        this(info, logSanitize, ParameterSchema.NONE);
    }
}
