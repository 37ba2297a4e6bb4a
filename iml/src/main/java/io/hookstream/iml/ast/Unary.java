package io.hookstream.iml.ast;

import io.hookstream.iml.Span;

/** A prefix operator applied to an operand. */
public record Unary(UnaryOperator operator, Expr operand, Span span) implements Expr {}
