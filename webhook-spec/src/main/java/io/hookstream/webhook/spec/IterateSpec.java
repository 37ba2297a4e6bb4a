package io.hookstream.webhook.spec;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A compiled {@code iterate} directive: the string form becomes a container with no condition.
 *
 * @param container evaluates to the array of items; null or undefined means no items (Decision D4)
 * @param condition evaluated per item with {@code item} bound; {@code null} keeps every item
 */
public record IterateSpec(Directive container, @Nullable Condition condition) {

    public IterateSpec {
        Objects.requireNonNull(container, "container");
    }
}
