package io.hookstream.iml.ast;

import io.hookstream.iml.Span;
import java.util.List;

/** A function call {@code name(arg, …)}. */
public record Call(String name, List<Expr> args, Span span) implements Expr {
    public Call {
        args = List.copyOf(args);
    }
}
