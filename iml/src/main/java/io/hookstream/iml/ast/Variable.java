package io.hookstream.iml.ast;

import io.hookstream.iml.Span;

/** A root name such as {@code body}, {@code headers} or the built-in {@code now}. */
public record Variable(String name, Span span) implements Expr {}
