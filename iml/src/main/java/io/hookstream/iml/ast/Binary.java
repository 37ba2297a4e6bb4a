package io.hookstream.iml.ast;

import io.hookstream.iml.Span;

/** An infix operator. */
public record Binary(BinaryOperator operator, Expr left, Expr right, Span span) implements Expr {}
