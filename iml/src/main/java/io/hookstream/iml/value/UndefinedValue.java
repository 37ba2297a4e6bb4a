package io.hookstream.iml.value;

/**
 * A missing value: an absent path, an index past the end, {@code ignore}. Use {@link
 * Values#UNDEFINED}.
 */
public record UndefinedValue() implements Value {
    @Override
    public Kind kind() {
        return Kind.UNDEFINED;
    }

    @Override
    public String toString() {
        return "undefined";
    }
}
