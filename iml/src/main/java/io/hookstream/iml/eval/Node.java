package io.hookstream.iml.eval;

import io.hookstream.iml.value.Value;

/**
 * A compiled expression node: one small final object per AST node, evaluated against a {@link
 * Frame}.
 */
abstract class Node {

    abstract Value eval(Frame f);

    /** True when the node always yields the same value, so its parent may fold it. */
    boolean isConstant() {
        return false;
    }
}
