package io.hookstream.iml.parse;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.Limits;
import io.hookstream.iml.ParseException;
import io.hookstream.iml.Span;
import io.hookstream.iml.ast.Binary;
import io.hookstream.iml.ast.BinaryOperator;
import io.hookstream.iml.ast.Call;
import io.hookstream.iml.ast.Expr;
import io.hookstream.iml.ast.Index;
import io.hookstream.iml.ast.Interpolation;
import io.hookstream.iml.ast.Literal;
import io.hookstream.iml.ast.Member;
import io.hookstream.iml.ast.Unary;
import io.hookstream.iml.ast.UnaryOperator;
import io.hookstream.iml.ast.Variable;
import io.hookstream.iml.lex.Lexer;
import io.hookstream.iml.lex.Token;
import io.hookstream.iml.lex.TokenKind;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hand-written recursive-descent parser for IML strings and bare expressions. Each {@code parseXxx}
 * method implements the production in the comment above it. Nesting depth is tracked and limited so
 * that hostile input fails with {@link ErrorCode#NESTING_TOO_DEEP} instead of overflowing the
 * stack. One instance per parse; use the static entry points.
 */
public final class Parser {

    private static final Map<String, Value> KEYWORDS =
            Map.ofEntries(
                    Map.entry("true", Values.TRUE),
                    Map.entry("false", Values.FALSE),
                    Map.entry("null", Values.NULL),
                    Map.entry("erase", Values.NULL),
                    Map.entry("ignore", Values.UNDEFINED),
                    Map.entry("emptyarray", Values.EMPTY_ARRAY),
                    Map.entry("emptystring", Values.EMPTY_TEXT),
                    Map.entry("space", Values.text(" ")),
                    Map.entry("nbsp", Values.text("\u00a0")),
                    Map.entry("tab", Values.text("\t")),
                    Map.entry("newline", Values.text("\n")),
                    Map.entry("carriagereturn", Values.text("\r")));

    private final String src;
    private final Limits limits;
    private final Lexer lexer;
    private Token current;
    private int depth;

    private Parser(String src, Lexer lexer, Limits limits) {
        this.src = src;
        this.lexer = lexer;
        this.limits = limits;
        this.current = lexer.next();
    }

    /**
     * Parses an IML string (§2): text with no {@code {{}} becomes a text {@link Literal}; a string that is
     * exactly one {@code {{expr}}} becomes that expression (so its type is preserved); anything else becomes
     * an {@link Interpolation}.
     */
    public static Expr parseTemplate(String src, Limits limits) {
        checkLength(src, limits);
        List<Expr> parts = new ArrayList<>();
        int pos = 0;
        int line = 1;
        int lineStart = 0;
        int n = src.length();
        while (pos < n) {
            int open = src.indexOf("{{", pos);
            int textEnd = open < 0 ? n : open;
            if (textEnd > pos) {
                parts.add(
                        new Literal(
                                Values.text(src.substring(pos, textEnd)),
                                span(src, pos, textEnd, line, lineStart)));
                for (int i = pos; i < textEnd; i++) {
                    if (src.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
            }
            if (open < 0) {
                break;
            }
            Span openSpan = new Span(line, open - lineStart + 1, open, open + 2);
            Lexer lexer = new Lexer(src, open + 2, line, lineStart, true);
            Parser parser = new Parser(src, lexer, limits);
            if (parser.current.kind() == TokenKind.CLOSE) {
                throw new ParseException(
                        ErrorCode.EMPTY_EXPRESSION, openSpan.to(parser.current.span()), src);
            }
            if (parser.current.kind() == TokenKind.END) {
                throw new ParseException(ErrorCode.UNTERMINATED_EXPRESSION, openSpan, src);
            }
            Expr expr = parser.parseExpression();
            if (parser.current.kind() == TokenKind.END) {
                throw new ParseException(ErrorCode.UNTERMINATED_EXPRESSION, openSpan, src);
            }
            parser.expect(TokenKind.CLOSE, "an operator or '}}'");
            parts.add(expr);
            pos = lexer.position();
            line = lexer.line();
            lineStart = lexer.lineStart();
        }
        if (parts.isEmpty()) {
            return new Literal(Values.EMPTY_TEXT, new Span(1, 1, 0, 0));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new Interpolation(parts, new Span(1, 1, 0, n));
    }

    /** Parses a bare expression without braces (D4). */
    public static Expr parseExpression(String src, Limits limits) {
        checkLength(src, limits);
        Parser parser = new Parser(src, new Lexer(src, 0, 1, 0, false), limits);
        if (parser.current.kind() == TokenKind.END) {
            throw new ParseException(ErrorCode.EMPTY_EXPRESSION, parser.current.span(), src);
        }
        Expr expr = parser.parseExpression();
        parser.expect(TokenKind.END, "an operator or the end");
        return expr;
    }

    private static void checkLength(String src, Limits limits) {
        if (src.length() > limits.maxExpressionLength()) {
            throw new ParseException(
                    ErrorCode.EXPRESSION_TOO_LONG,
                    new Span(1, 1, 0, 0),
                    null,
                    src.length(),
                    limits.maxExpressionLength());
        }
    }

    private static Span span(String src, int start, int end, int line, int lineStart) {
        return new Span(line, start - lineStart + 1, start, end);
    }

    // expression := or
    private Expr parseExpression() {
        enter(current.span());
        Expr e = parseOr();
        depth--;
        return e;
    }

    // or := and (('|' | '||') and)*
    private Expr parseOr() {
        Expr left = parseAnd();
        int chain = 0;
        while (current.kind() == TokenKind.OR) {
            Token op = advance();
            chain(++chain, op);
            left = binary(BinaryOperator.OR, left, parseAnd());
        }
        return left;
    }

    // and := equality (('&' | '&&') equality)*
    private Expr parseAnd() {
        Expr left = parseEquality();
        int chain = 0;
        while (current.kind() == TokenKind.AND) {
            Token op = advance();
            chain(++chain, op);
            left = binary(BinaryOperator.AND, left, parseEquality());
        }
        return left;
    }

    // equality := relational (('=' | '==' | '===' | '!=' | '!==') relational)*
    private Expr parseEquality() {
        Expr left = parseRelational();
        int chain = 0;
        while (current.kind() == TokenKind.EQUAL || current.kind() == TokenKind.NOT_EQUAL) {
            Token op = advance();
            chain(++chain, op);
            BinaryOperator operator =
                    op.kind() == TokenKind.EQUAL ? BinaryOperator.EQUAL : BinaryOperator.NOT_EQUAL;
            left = binary(operator, left, parseRelational());
        }
        return left;
    }

    // relational := additive (('<' | '<=' | '>' | '>=') additive)*
    private Expr parseRelational() {
        Expr left = parseAdditive();
        int chain = 0;
        while (true) {
            BinaryOperator operator;
            switch (current.kind()) {
                case LESS:
                    operator = BinaryOperator.LESS;
                    break;
                case LESS_EQUAL:
                    operator = BinaryOperator.LESS_EQUAL;
                    break;
                case GREATER:
                    operator = BinaryOperator.GREATER;
                    break;
                case GREATER_EQUAL:
                    operator = BinaryOperator.GREATER_EQUAL;
                    break;
                default:
                    return left;
            }
            Token op = advance();
            chain(++chain, op);
            left = binary(operator, left, parseAdditive());
        }
    }

    // additive := multiplicative (('+' | '++' | '-') multiplicative)*
    private Expr parseAdditive() {
        Expr left = parseMultiplicative();
        int chain = 0;
        while (true) {
            BinaryOperator operator;
            switch (current.kind()) {
                case PLUS:
                    operator = BinaryOperator.ADD;
                    break;
                case PLUS_PLUS:
                    operator = BinaryOperator.NUMERIC_ADD;
                    break;
                case MINUS:
                    operator = BinaryOperator.SUBTRACT;
                    break;
                default:
                    return left;
            }
            Token op = advance();
            chain(++chain, op);
            left = binary(operator, left, parseMultiplicative());
        }
    }

    // multiplicative := unary (('*' | '/' | '%') unary)*
    private Expr parseMultiplicative() {
        Expr left = parseUnary();
        int chain = 0;
        while (true) {
            BinaryOperator operator;
            switch (current.kind()) {
                case STAR:
                    operator = BinaryOperator.MULTIPLY;
                    break;
                case SLASH:
                    operator = BinaryOperator.DIVIDE;
                    break;
                case PERCENT:
                    operator = BinaryOperator.REMAINDER;
                    break;
                default:
                    return left;
            }
            Token op = advance();
            chain(++chain, op);
            left = binary(operator, left, parseUnary());
        }
    }

    // unary := ('!' | '-') unary | postfix
    private Expr parseUnary() {
        if (current.kind() == TokenKind.BANG || current.kind() == TokenKind.MINUS) {
            Token op = advance();
            enter(op.span());
            Expr operand = parseUnary();
            depth--;
            if (op.kind() == TokenKind.MINUS
                    && operand instanceof Literal
                    && ((Literal) operand).value() instanceof io.hookstream.iml.value.NumberValue) {
                // fold negative literals so that -2 is a constant, not an operation
                BigDecimal n =
                        ((io.hookstream.iml.value.NumberValue) ((Literal) operand).value()).value();
                return new Literal(Values.number(n.negate()), op.span().to(operand.span()));
            }
            UnaryOperator operator =
                    op.kind() == TokenKind.BANG ? UnaryOperator.NOT : UnaryOperator.NEGATE;
            return new Unary(operator, operand, op.span().to(operand.span()));
        }
        return parsePostfix();
    }

    // postfix := primary ('.' (name | `quoted` | number) | '[' expression? ']')*
    private Expr parsePostfix() {
        Expr e = parsePrimary();
        int chain = 0;
        while (true) {
            if (current.kind() == TokenKind.DOT) {
                Token dot = advance();
                chain(++chain, dot);
                Token name = current;
                if (name.kind() != TokenKind.IDENTIFIER
                        && name.kind() != TokenKind.QUOTED_NAME
                        && !(name.kind() == TokenKind.NUMBER && isDigits(name.text()))) {
                    throw unexpected("a property name after '.'");
                }
                advance();
                e = new Member(e, name.text(), e.span().to(name.span()));
            } else if (current.kind() == TokenKind.LEFT_BRACKET) {
                Token open = advance();
                chain(++chain, open);
                if (current.kind() == TokenKind.RIGHT_BRACKET) {
                    Token close = advance();
                    e = new Index(e, null, e.span().to(close.span()));
                } else {
                    Expr index = parseExpression();
                    Token close = expect(TokenKind.RIGHT_BRACKET, "']'");
                    e = new Index(e, index, e.span().to(close.span()));
                }
            } else {
                return e;
            }
        }
    }

    // primary := number | string | keyword | name | `quoted name` | name '(' arguments ')' | '('
    // expression ')'
    private Expr parsePrimary() {
        Token t = current;
        switch (t.kind()) {
            case NUMBER:
                {
                    advance();
                    BigDecimal n = io.hookstream.iml.value.Numbers.parse(t.text());
                    if (n == null) {
                        throw new ParseException(ErrorCode.INVALID_NUMBER, t.span(), src, t.text());
                    }
                    return new Literal(Values.number(n), t.span());
                }
            case STRING:
                advance();
                return new Literal(Values.text(t.text()), t.span());
            case QUOTED_NAME:
                advance();
                return new Variable(t.text(), t.span());
            case IDENTIFIER:
                {
                    advance();
                    if (current.kind() == TokenKind.LEFT_PAREN) {
                        return parseCall(t);
                    }
                    Value keyword = KEYWORDS.get(t.text());
                    if (keyword != null) {
                        return new Literal(keyword, t.span());
                    }
                    return new Variable(t.text(), t.span());
                }
            case LEFT_PAREN:
                {
                    advance();
                    Expr inner = parseExpression();
                    expect(TokenKind.RIGHT_PAREN, "')'");
                    return inner;
                }
            default:
                throw unexpected("a value");
        }
    }

    // arguments := (expression (',' expression)*)?
    private Expr parseCall(Token name) {
        advance();
        List<Expr> args = new ArrayList<>();
        if (current.kind() != TokenKind.RIGHT_PAREN) {
            args.add(parseExpression());
            while (current.kind() == TokenKind.COMMA) {
                advance();
                args.add(parseExpression());
            }
        }
        Token close = expect(TokenKind.RIGHT_PAREN, "',' or ')'");
        return new Call(name.text(), args, name.span().to(close.span()));
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private Binary binary(BinaryOperator operator, Expr left, Expr right) {
        return new Binary(operator, left, right, left.span().to(right.span()));
    }

    private void enter(Span at) {
        if (++depth > limits.maxNestingDepth()) {
            throw new ParseException(ErrorCode.NESTING_TOO_DEEP, at, src, limits.maxNestingDepth());
        }
    }

    // A left-leaning operator or postfix chain deepens the tree by one per link; count it against
    // the
    // nesting limit so that evaluation can never recurse deeper than the limit allows.
    private void chain(int length, Token at) {
        if (depth + length > limits.maxNestingDepth()) {
            throw new ParseException(
                    ErrorCode.NESTING_TOO_DEEP, at.span(), src, limits.maxNestingDepth());
        }
    }

    private Token advance() {
        Token t = current;
        // after '}}' the template text resumes: lexing on would read it as expression tokens
        if (t.kind() != TokenKind.CLOSE && t.kind() != TokenKind.END) {
            current = lexer.next();
        }
        return t;
    }

    private Token expect(TokenKind kind, String expected) {
        if (current.kind() != kind) {
            throw unexpected(expected);
        }
        return advance();
    }

    private ParseException unexpected(String expected) {
        if (current.kind() == TokenKind.END) {
            return new ParseException(ErrorCode.UNEXPECTED_END, current.span(), src, expected);
        }
        return new ParseException(
                ErrorCode.UNEXPECTED_TOKEN, current.span(), src, expected, current.describe());
    }
}
