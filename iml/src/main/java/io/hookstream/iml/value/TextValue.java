package io.hookstream.iml.value;

import java.util.Objects;

/** A string. */
public record TextValue(String value) implements Value {

    public TextValue {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public Kind kind() {
        return Kind.TEXT;
    }

    @Override
    public String toString() {
        return value;
    }
}
