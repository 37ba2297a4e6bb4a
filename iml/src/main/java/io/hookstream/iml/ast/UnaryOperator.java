package io.hookstream.iml.ast;

/** Prefix operators. */
public enum UnaryOperator {
    NOT("!"),
    NEGATE("-");

    private final String symbol;

    UnaryOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
