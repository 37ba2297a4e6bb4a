package io.hookstream.iml.eval;

import io.hookstream.iml.value.Value;

/** A compiled position of a JSON template. */
interface TemplateNode {

    Value eval(Frame f);

    default boolean isConstant() {
        return false;
    }
}
