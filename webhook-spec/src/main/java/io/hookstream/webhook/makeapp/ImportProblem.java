package io.hookstream.webhook.makeapp;

import java.util.Objects;

/**
 * One reason a project cannot be imported.
 *
 * @param file the project file, relative to the project root
 * @param pointer the JSON pointer inside {@code file} (RFC 6901); empty for the whole file
 * @param code a stable code: an IML error code, a {@code SPEC-*} code, or {@code MAKE-*}
 * @param message a human-readable description (with line and column for JSON syntax errors)
 */
public record ImportProblem(String file, String pointer, String code, String message) {

    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + (pointer.isEmpty() ? "" : "#" + pointer) + ": " + message + " (" + code + ")";
    }
}
