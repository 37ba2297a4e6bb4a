package io.hookstream.iml.ast;

import io.hookstream.iml.Span;
import org.jspecify.annotations.Nullable;

/**
 * Bracket access {@code target[index]} (1-based, negative from the end); {@code index} is null for
 * {@code []}.
 */
public record Index(Expr target, @Nullable Expr index, Span span) implements Expr {}
