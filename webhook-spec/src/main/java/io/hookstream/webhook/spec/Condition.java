package io.hookstream.webhook.spec;

import java.util.Objects;

/**
 * A compiled condition directive, reduced to a boolean with the truthiness of Decision D5.
 *
 * @param test the IML string or boolean
 * @param whenUndefined the result when {@code test} evaluates to undefined: the {@code default} of
 *     the object form {@code {"condition": …, "default": true}}, otherwise {@code false} (undefined
 *     is falsy)
 */
public record Condition(Directive test, boolean whenUndefined) {

    public Condition {
        Objects.requireNonNull(test, "test");
    }
}
