package io.hookstream.iml.ast;

/** Infix operators with their canonical spelling and precedence (higher binds tighter, §3.5). */
public enum BinaryOperator {
    MULTIPLY("*", 6),
    DIVIDE("/", 6),
    REMAINDER("%", 6),
    ADD("+", 5),
    NUMERIC_ADD("++", 5),
    SUBTRACT("-", 5),
    LESS("<", 4),
    LESS_EQUAL("<=", 4),
    GREATER(">", 4),
    GREATER_EQUAL(">=", 4),
    EQUAL("=", 3),
    NOT_EQUAL("!=", 3),
    AND("&&", 2),
    OR("||", 1);

    private final String symbol;
    private final int precedence;

    BinaryOperator(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public String symbol() {
        return symbol;
    }

    public int precedence() {
        return precedence;
    }
}
