package io.hookstream.iml.lex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.ParseException;
import io.hookstream.iml.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<Token> lex(String src) {
        Lexer lexer = new Lexer(src, 0, 1, 0, false);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != TokenKind.END);
        return tokens;
    }

    private static List<TokenKind> kinds(String src) {
        return lex(src).stream().map(Token::kind).toList();
    }

    @Test
    void operatorsShareKindsAcrossSpellings() {
        assertThat(kinds("= == === != !== & && | || ++ + - * / % ! < <= > >="))
                .containsExactly(
                        TokenKind.EQUAL,
                        TokenKind.EQUAL,
                        TokenKind.EQUAL,
                        TokenKind.NOT_EQUAL,
                        TokenKind.NOT_EQUAL,
                        TokenKind.AND,
                        TokenKind.AND,
                        TokenKind.OR,
                        TokenKind.OR,
                        TokenKind.PLUS_PLUS,
                        TokenKind.PLUS,
                        TokenKind.MINUS,
                        TokenKind.STAR,
                        TokenKind.SLASH,
                        TokenKind.PERCENT,
                        TokenKind.BANG,
                        TokenKind.LESS,
                        TokenKind.LESS_EQUAL,
                        TokenKind.GREATER,
                        TokenKind.GREATER_EQUAL,
                        TokenKind.END);
    }

    @Test
    void pathTokensAndSpans() {
        List<Token> tokens = lex("body.items[2].`X-Y`");
        assertThat(tokens)
                .extracting(Token::kind)
                .containsExactly(
                        TokenKind.IDENTIFIER,
                        TokenKind.DOT,
                        TokenKind.IDENTIFIER,
                        TokenKind.LEFT_BRACKET,
                        TokenKind.NUMBER,
                        TokenKind.RIGHT_BRACKET,
                        TokenKind.DOT,
                        TokenKind.QUOTED_NAME,
                        TokenKind.END);
        assertThat(tokens.get(2).span()).isEqualTo(new Span(1, 6, 5, 10));
        assertThat(tokens.get(7).text()).isEqualTo("X-Y");
        assertThat(tokens.get(7).span()).isEqualTo(new Span(1, 15, 14, 19));
    }

    @Test
    void numbersWithFractionAndExponent() {
        List<Token> tokens = lex("1.5 2e3 7 1.x");
        assertThat(tokens)
                .extracting(Token::text)
                .containsExactly("1.5", "2e3", "7", "1", ".", "x", "");
    }

    @Test
    void stringEscapesFollowD10() {
        List<Token> tokens = lex("'it\\'s' \"a\\\"b\" 'c\\\\d' '\\d+'");
        assertThat(tokens)
                .extracting(Token::text)
                .containsExactly("it's", "a\"b", "c\\d", "\\d+", "");
        assertThat(tokens.get(0).kind()).isEqualTo(TokenKind.STRING);
    }

    @Test
    void linesAndColumnsAdvanceOverNewlines() {
        List<Token> tokens = lex("a +\n  b");
        assertThat(tokens.get(2).span()).isEqualTo(new Span(2, 3, 6, 7));
    }

    @Test
    void templateModeStopsAtClosingBraces() {
        Lexer lexer = new Lexer("{{a}} rest", 2, 1, 0, true);
        assertThat(lexer.next().kind()).isEqualTo(TokenKind.IDENTIFIER);
        Token close = lexer.next();
        assertThat(close.kind()).isEqualTo(TokenKind.CLOSE);
        assertThat(lexer.position()).isEqualTo(5);
    }

    @Test
    void unterminatedStringReportsItsStart() {
        ParseException e = assertThrows(ParseException.class, () -> lex("x + 'abc"));
        assertThat(e.code()).isEqualTo(ErrorCode.UNTERMINATED_STRING);
        assertThat(e.span().start()).isEqualTo(4);
        assertThat(e.span().column()).isEqualTo(5);
    }

    @Test
    void unexpectedCharacter() {
        ParseException e = assertThrows(ParseException.class, () -> lex("a ; b"));
        assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_CHARACTER);
        assertThat(e.span()).isEqualTo(new Span(1, 3, 2, 3));
    }

    @Test
    void singleBraceOutsideTemplateModeIsUnexpected() {
        ParseException e = assertThrows(ParseException.class, () -> lex("a }}"));
        assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_CHARACTER);
    }
}
