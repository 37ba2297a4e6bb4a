package io.hookstream.iml.value;

/** A boolean. Use {@link Values#bool(boolean)}, which shares the two instances. */
public record BoolValue(boolean value) implements Value {
    @Override
    public Kind kind() {
        return Kind.BOOLEAN;
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
