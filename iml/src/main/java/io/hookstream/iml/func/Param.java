package io.hookstream.iml.func;

import java.util.Objects;

/** One declared parameter. Optional parameters may be left out; they are always trailing. */
public record Param(String name, ValueType type, boolean optional) {

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static Param required(String name, ValueType type) {
        return new Param(name, type, false);
    }

    public static Param optional(String name, ValueType type) {
        return new Param(name, type, true);
    }
}
