package io.hookstream.iml.ast;

import io.hookstream.iml.Span;
import java.util.List;

/**
 * An IML string mixing literal text and {@code {{expressions}}}: the text forms of the parts are
 * joined. Literal text appears as text {@link Literal}s.
 */
public record Interpolation(List<Expr> parts, Span span) implements Expr {
    public Interpolation {
        parts = List.copyOf(parts);
    }
}
