package io.hookstream.iml.ast;

import io.hookstream.iml.Span;

/** An IML expression node. Nodes are data only; evaluation lives in {@code iml.eval}. */
public sealed interface Expr
        permits Literal, Variable, Member, Index, Call, Unary, Binary, Interpolation {

    Span span();
}
