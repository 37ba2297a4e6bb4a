package io.hookstream.webhook.spec;

import java.util.Objects;

/**
 * One reason an app or webhook spec was refused.
 *
 * @param path where the problem is, e.g. {@code webhooks.orders.spec.output.id}; empty for the
 *     document
 * @param line 1-based line inside the IML string (or of the JSON token for JSON syntax errors); 0
 *     if unknown
 * @param column 1-based column, like {@code line}; 0 if unknown
 * @param code a stable code: an IML error code such as {@code IML-P0201}, or one of this library's
 *     {@code SPEC-*} codes
 * @param message a human-readable description
 */
public record SpecProblem(String path, int line, int column, String code, String message) {

    public SpecProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        String where = path.isEmpty() ? "(document)" : path;
        return code + " at " + where + (line > 0 ? " " + line + ":" + column : "") + ": " + message;
    }
}
