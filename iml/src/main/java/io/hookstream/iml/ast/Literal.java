package io.hookstream.iml.ast;

import io.hookstream.iml.Span;
import io.hookstream.iml.value.Value;

/**
 * A constant: a number or string literal, or a keyword such as {@code true}, {@code ignore}, {@code
 * space}.
 */
public record Literal(Value value, Span span) implements Expr {}
