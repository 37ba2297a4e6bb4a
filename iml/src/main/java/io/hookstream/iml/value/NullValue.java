package io.hookstream.iml.value;

/** JSON null, also written {@code erase}. Use {@link Values#NULL}. */
public record NullValue() implements Value {
    @Override
    public Kind kind() {
        return Kind.NULL;
    }

    @Override
    public String toString() {
        return "null";
    }
}
