package io.hookstream.webhook.spec;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One parameter a hook (or a connection) is created with, as Make's parameter syntax declares it.
 * Fields beyond these (help, default, advanced, …) are for the console and stay in the definition
 * as written.
 *
 * @param name the key in {@code parameters}
 * @param type Make's parameter type ({@code text}, {@code number}, {@code boolean}, {@code select},
 *     …); {@code text} when not given
 * @param label the name shown to a user, if given
 * @param required whether a value must be given
 * @param options the values a {@code select} allows, as text; {@code null} when the list is not
 *     fixed (no options, or options an RPC loads)
 * @param multiple whether the value is an array of values
 */
public record ParameterSpec(
        String name,
        String type,
        @Nullable String label,
        boolean required,
        @Nullable List<String> options,
        boolean multiple) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        options = options == null ? null : List.copyOf(options);
    }
}
