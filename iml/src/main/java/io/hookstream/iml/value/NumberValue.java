package io.hookstream.iml.value;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A decimal number, always normalised (no trailing zeros, zero has scale 0) so that equal numbers
 * have equal representations and {@link #equals} compares by value.
 */
public record NumberValue(BigDecimal value) implements Value {

    public NumberValue {
        Objects.requireNonNull(value, "value");
        value = Numbers.normalise(value);
    }

    @Override
    public Kind kind() {
        return Kind.NUMBER;
    }

    @Override
    public String toString() {
        return Numbers.text(value);
    }
}
