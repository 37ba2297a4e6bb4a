package io.hookstream.iml;

import io.hookstream.iml.value.Value;

/**
 * A compiled JSON template. Immutable and thread-safe: evaluate it concurrently as often as needed.
 */
public interface CompiledTemplate {

    /**
     * Evaluates the template.
     *
     * @throws ImlException on any evaluation error, carrying the template path of the failing value
     */
    Value evaluate(EvalContext ctx);
}
