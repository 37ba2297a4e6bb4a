package io.hookstream.iml.ast;

import io.hookstream.iml.Span;

/** Property access {@code target.name} or {@code target.`quoted name`}. */
public record Member(Expr target, String name, Span span) implements Expr {}
