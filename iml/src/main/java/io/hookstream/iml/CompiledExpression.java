package io.hookstream.iml;

import io.hookstream.iml.value.Value;

/** A compiled bare expression (no braces). Immutable and thread-safe. */
public interface CompiledExpression {

    /**
     * @throws ImlException on any evaluation error
     */
    Value evaluate(EvalContext ctx);
}
