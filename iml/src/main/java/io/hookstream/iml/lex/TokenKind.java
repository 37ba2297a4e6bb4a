package io.hookstream.iml.lex;

/**
 * Kinds of IML tokens. Alternative spellings of one operator share a kind ({@code = == ===} are
 * EQUAL).
 */
public enum TokenKind {
    NUMBER("a number"),
    STRING("a string"),
    IDENTIFIER("a name"),
    QUOTED_NAME("a `quoted name`"),
    DOT("'.'"),
    COMMA("','"),
    LEFT_PAREN("'('"),
    RIGHT_PAREN("')'"),
    LEFT_BRACKET("'['"),
    RIGHT_BRACKET("']'"),
    PLUS("'+'"),
    PLUS_PLUS("'++'"),
    MINUS("'-'"),
    STAR("'*'"),
    SLASH("'/'"),
    PERCENT("'%'"),
    BANG("'!'"),
    LESS("'<'"),
    LESS_EQUAL("'<='"),
    GREATER("'>'"),
    GREATER_EQUAL("'>='"),
    EQUAL("'='"),
    NOT_EQUAL("'!='"),
    AND("'&&'"),
    OR("'||'"),
    CLOSE("'}}'"),
    END("the end");

    private final String description;

    TokenKind(String description) {
        this.description = description;
    }

    /** How error messages name the token kind. */
    public String description() {
        return description;
    }
}
