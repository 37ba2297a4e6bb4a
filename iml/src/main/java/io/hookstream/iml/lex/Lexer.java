package io.hookstream.iml.lex;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.ParseException;
import io.hookstream.iml.Span;

/**
 * Turns the characters of one IML expression into tokens on demand. In template mode the expression
 * ends at {@code }}} (a {@link TokenKind#CLOSE} token); otherwise at the end of the input. Not
 * thread-safe: one instance per parse.
 */
public final class Lexer {

    private final String src;
    private final int end;
    private final boolean templateMode;
    private int pos;
    private int line;
    private int lineStart;

    /**
     * @param src the whole IML string (spans are relative to it)
     * @param pos where the expression starts
     * @param line the 1-based line of {@code pos}
     * @param lineStart the offset where that line starts
     */
    public Lexer(String src, int pos, int line, int lineStart, boolean templateMode) {
        this.src = src;
        this.end = src.length();
        this.pos = pos;
        this.line = line;
        this.lineStart = lineStart;
        this.templateMode = templateMode;
    }

    public int position() {
        return pos;
    }

    public int line() {
        return line;
    }

    public int lineStart() {
        return lineStart;
    }

    public Token next() {
        skipWhitespace();
        if (pos >= end) {
            return token(TokenKind.END, "", pos, pos, line, pos - lineStart + 1);
        }
        int start = pos;
        int col = pos - lineStart + 1;
        int startLine = line;
        char c = src.charAt(pos);
        if (isIdentifierStart(c)) {
            pos++;
            while (pos < end && isIdentifierPart(src.charAt(pos))) {
                pos++;
            }
            return token(
                    TokenKind.IDENTIFIER, src.substring(start, pos), start, pos, startLine, col);
        }
        if (c >= '0' && c <= '9') {
            return number(start, startLine, col);
        }
        switch (c) {
            case '\'':
            case '"':
                return string(c, start, startLine, col);
            case '`':
                return quotedName(start, startLine, col);
            case '.':
                return single(TokenKind.DOT, start, startLine, col);
            case ',':
                return single(TokenKind.COMMA, start, startLine, col);
            case '(':
                return single(TokenKind.LEFT_PAREN, start, startLine, col);
            case ')':
                return single(TokenKind.RIGHT_PAREN, start, startLine, col);
            case '[':
                return single(TokenKind.LEFT_BRACKET, start, startLine, col);
            case ']':
                return single(TokenKind.RIGHT_BRACKET, start, startLine, col);
            case '*':
                return single(TokenKind.STAR, start, startLine, col);
            case '/':
                return single(TokenKind.SLASH, start, startLine, col);
            case '%':
                return single(TokenKind.PERCENT, start, startLine, col);
            case '-':
                return single(TokenKind.MINUS, start, startLine, col);
            case '+':
                return peekIs(1, '+')
                        ? multi(TokenKind.PLUS_PLUS, 2, start, startLine, col)
                        : single(TokenKind.PLUS, start, startLine, col);
            case '<':
                return peekIs(1, '=')
                        ? multi(TokenKind.LESS_EQUAL, 2, start, startLine, col)
                        : single(TokenKind.LESS, start, startLine, col);
            case '>':
                return peekIs(1, '=')
                        ? multi(TokenKind.GREATER_EQUAL, 2, start, startLine, col)
                        : single(TokenKind.GREATER, start, startLine, col);
            case '=':
                return multi(
                        TokenKind.EQUAL,
                        peekIs(1, '=') ? (peekIs(2, '=') ? 3 : 2) : 1,
                        start,
                        startLine,
                        col);
            case '!':
                if (peekIs(1, '=')) {
                    return multi(
                            TokenKind.NOT_EQUAL, peekIs(2, '=') ? 3 : 2, start, startLine, col);
                }
                return single(TokenKind.BANG, start, startLine, col);
            case '&':
                return multi(TokenKind.AND, peekIs(1, '&') ? 2 : 1, start, startLine, col);
            case '|':
                return multi(TokenKind.OR, peekIs(1, '|') ? 2 : 1, start, startLine, col);
            case '}':
                if (templateMode && peekIs(1, '}')) {
                    return multi(TokenKind.CLOSE, 2, start, startLine, col);
                }
                break;
            default:
                break;
        }
        throw new ParseException(
                ErrorCode.UNEXPECTED_CHARACTER,
                new Span(startLine, col, start, start + 1),
                src,
                String.valueOf(c));
    }

    private boolean peekIs(int offset, char c) {
        return pos + offset < end && src.charAt(pos + offset) == c;
    }

    private Token single(TokenKind kind, int start, int line, int col) {
        return multi(kind, 1, start, line, col);
    }

    private Token multi(TokenKind kind, int length, int start, int line, int col) {
        pos += length;
        return token(kind, src.substring(start, pos), start, pos, line, col);
    }

    private static Token token(TokenKind kind, String text, int start, int end, int line, int col) {
        return new Token(kind, text, new Span(line, col, start, end));
    }

    private Token number(int start, int startLine, int col) {
        while (pos < end && isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos + 1 < end && src.charAt(pos) == '.' && isDigit(src.charAt(pos + 1))) {
            pos++;
            while (pos < end && isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (pos < end && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < end && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < end && isDigit(src.charAt(pos))) {
                while (pos < end && isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        if (pos < end && isIdentifierStart(src.charAt(pos))) {
            while (pos < end && isIdentifierPart(src.charAt(pos))) {
                pos++;
            }
            throw new ParseException(
                    ErrorCode.INVALID_NUMBER,
                    new Span(startLine, col, start, pos),
                    src,
                    src.substring(start, pos));
        }
        return token(TokenKind.NUMBER, src.substring(start, pos), start, pos, startLine, col);
    }

    // D10: \' \" and \\ are escapes; any other backslash stays as written so regex literals
    // survive.
    private Token string(char quote, int start, int startLine, int col) {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                return token(TokenKind.STRING, sb.toString(), start, pos, startLine, col);
            }
            if (c == '\\' && pos + 1 < end) {
                char n = src.charAt(pos + 1);
                if (n == '\'' || n == '"' || n == '\\') {
                    sb.append(n);
                    pos += 2;
                    continue;
                }
            }
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            }
            sb.append(c);
            pos++;
        }
        throw new ParseException(
                ErrorCode.UNTERMINATED_STRING, new Span(startLine, col, start, end), src);
    }

    private Token quotedName(int start, int startLine, int col) {
        int close = src.indexOf('`', pos + 1);
        if (close < 0) {
            throw new ParseException(
                    ErrorCode.UNTERMINATED_BACKTICK, new Span(startLine, col, start, end), src);
        }
        String name = src.substring(pos + 1, close);
        for (int i = pos + 1; i < close; i++) {
            if (src.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        pos = close + 1;
        return token(TokenKind.QUOTED_NAME, name, start, pos, startLine, col);
    }

    private void skipWhitespace() {
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r' && c != '\u00a0') {
                return;
            }
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || c == '_'
                || c == '$'
                || (c > 0x7f && Character.isLetter(c));
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
