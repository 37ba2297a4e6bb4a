package io.hookstream.iml.value;

import java.time.Instant;
import java.util.Objects;

/** A point in time. Time zones only matter when a date is formatted or its fields are changed. */
public record DateValue(Instant value) implements Value {

    public DateValue {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public Kind kind() {
        return Kind.DATE;
    }

    @Override
    public String toString() {
        return Dates.iso(value);
    }
}
