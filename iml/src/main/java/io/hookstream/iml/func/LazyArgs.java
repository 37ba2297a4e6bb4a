package io.hookstream.iml.func;

import io.hookstream.iml.value.Value;

/**
 * Arguments of a lazy function ({@code if}, {@code ifempty}, {@code switch}); each is evaluated on
 * request.
 */
public interface LazyArgs {

    int size();

    /** Evaluates argument {@code index} (0-based). */
    Value get(int index);
}
