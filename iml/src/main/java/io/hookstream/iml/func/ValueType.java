package io.hookstream.iml.func;

/**
 * Declared parameter and return types; the evaluator coerces arguments to them (§4) before a call.
 */
public enum ValueType {
    /** Passed as it is. */
    ANY("any value"),
    TEXT("text"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    DATE("a date"),
    ARRAY("an array"),
    OBJECT("an object");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
