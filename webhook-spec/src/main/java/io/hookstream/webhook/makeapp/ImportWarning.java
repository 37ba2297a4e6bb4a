package io.hookstream.webhook.makeapp;

import java.util.Objects;

/**
 * Something of the project that was imported differently than written, or not at all.
 *
 * @param file the project file, relative to the project root (the manifest for manifest entries)
 * @param pointer the JSON pointer inside {@code file} (RFC 6901); empty for the whole file
 * @param message what happened and why
 */
public record ImportWarning(String file, String pointer, String message) {

    public ImportWarning {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }
}
