package io.hookstream.webhook.spec;

import java.util.Objects;

/**
 * Something accepted but probably unintended, such as {@code verification} without a {@code
 * condition} (Decision D3). Warnings go back to whoever registered the spec.
 */
public record SpecWarning(String path, String message) {

    public SpecWarning {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
