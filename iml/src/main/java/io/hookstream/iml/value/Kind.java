package io.hookstream.iml.value;

/** The runtime type of a {@link Value}; lets callers {@code switch} without pattern matching. */
public enum Kind {
    UNDEFINED("undefined"),
    NULL("null"),
    BOOLEAN("a boolean"),
    NUMBER("a number"),
    TEXT("text"),
    DATE("a date"),
    BUFFER("a buffer"),
    ARRAY("an array"),
    OBJECT("an object");

    private final String description;

    Kind(String description) {
        this.description = description;
    }

    /** How error messages name the type, e.g. "an array". */
    public String description() {
        return description;
    }
}
