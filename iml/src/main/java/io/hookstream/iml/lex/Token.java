package io.hookstream.iml.lex;

import io.hookstream.iml.Span;

/**
 * One token. {@code text} is the decoded value for strings and quoted names, the spelling
 * otherwise.
 */
public record Token(TokenKind kind, String text, Span span) {

    /** How error messages show the token. */
    public String describe() {
        switch (kind) {
            case END:
            case CLOSE:
                return kind.description();
            case STRING:
                return "string '" + abbreviate(text) + "'";
            case NUMBER:
                return "number " + text;
            case IDENTIFIER:
                return "name '" + abbreviate(text) + "'";
            case QUOTED_NAME:
                return "name `" + abbreviate(text) + "`";
            default:
                return "'" + text + "'";
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
