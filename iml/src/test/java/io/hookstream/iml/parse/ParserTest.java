package io.hookstream.iml.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.Limits;
import io.hookstream.iml.ParseException;
import io.hookstream.iml.Span;
import io.hookstream.iml.ast.AstPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

    private static String expr(String src) {
        return AstPrinter.print(Parser.parseExpression(src, Limits.defaults()));
    }

    private static String template(String src) {
        return AstPrinter.print(Parser.parseTemplate(src, Limits.defaults()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = "=>",
            quoteCharacter = '~',
            value = {
                "1 + 2 * 3 => (+ 1 (* 2 3))",
                "(1 + 2) * 3 => (* (+ 1 2) 3)",
                "10 - 3 - 2 => (- (- 10 3) 2)",
                "a || b && c => (|| a (&& b c))",
                "a = 1 & b != 2 => (&& (= a 1) (!= b 2))",
                "a === b | c !== d => (|| (= a b) (!= c d))",
                "1 < 2 = true => (= (< 1 2) true)",
                "!a.b => (! (. a b))",
                "-2 => -2",
                "-x * 2 => (* (- x) 2)",
                "'a' ++ 1 => (++ \"a\" 1)",
                "body.items[2].`X-Y` => (. ([] (. body items) 2) X-Y)",
                "body.data[] => ([] (. body data))",
                "body.data.3 => (. (. body data) 3)",
                "f(1, g(x), 'y') => (f 1 (g x) \"y\")",
                "f() => (f)",
                "ignore => undefined",
                "emptyarray => []",
                "erase => null",
            })
    void printsTheExpectedTree(String source, String printed) {
        assertThat(expr(source)).isEqualTo(printed);
    }

    @Test
    void templatesKeepTypesForALoneExpression() {
        assertThat(template("{{body.n}}")).isEqualTo("(. body n)");
        assertThat(template("plain")).isEqualTo("\"plain\"");
        assertThat(template("a {{x}} b")).isEqualTo("(str \"a \" x \" b\")");
        assertThat(template(" {{x}}")).isEqualTo("(str \" \" x)");
        assertThat(template("{{x}}{{y}}")).isEqualTo("(str x y)");
    }

    private static ParseException fails(String src) {
        return assertThrows(
                ParseException.class, () -> Parser.parseTemplate(src, Limits.defaults()));
    }

    @Test
    void missingOperandPointsAtWhatFollows() {
        ParseException e = fails("{{1 +}}");
        assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_TOKEN);
        assertThat(e.span()).isEqualTo(new Span(1, 6, 5, 7));
    }

    @Test
    void errorOnSecondLineHasLineAndColumn() {
        ParseException e = fails("line one\n  {{ body.a +\n   * 2 }}");
        assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_TOKEN);
        assertThat(e.span().line()).isEqualTo(3);
        assertThat(e.span().column()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("IML-P0201 at 3:4: expected a value but found '*'");
        assertThat(e.getMessage()).contains("\n     * 2 }}\n     ^");
    }

    @Test
    void unclosedCallNamesWhatWasExpected() {
        ParseException e = fails("{{f(1 2)}}");
        assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_TOKEN);
        assertThat(e.span().start()).isEqualTo(6);
        assertThat(e.args()).containsExactly("',' or ')'", "number 2");
    }

    @Test
    void unterminatedExpressionPointsAtTheOpeningBraces() {
        ParseException e = fails("ab {{ x");
        assertThat(e.code()).isEqualTo(ErrorCode.UNTERMINATED_EXPRESSION);
        assertThat(e.span()).isEqualTo(new Span(1, 4, 3, 5));
    }

    @Test
    void bareExpressionRejectsTrailingTokens() {
        ParseException e =
                assertThrows(
                        ParseException.class,
                        () -> Parser.parseExpression("a b", Limits.defaults()));
        assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_TOKEN);
        assertThat(e.span().start()).isEqualTo(2);
    }

    @Test
    void emptyBareExpression() {
        ParseException e =
                assertThrows(
                        ParseException.class,
                        () -> Parser.parseExpression("  ", Limits.defaults()));
        assertThat(e.code()).isEqualTo(ErrorCode.EMPTY_EXPRESSION);
    }

    @Test
    void propertyNameRequiredAfterDot() {
        ParseException e = fails("{{a.(b)}}");
        assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_TOKEN);
        assertThat(e.span().start()).isEqualTo(4);
    }

    @Test
    void parserIsUsableAfterAFailure() {
        fails("{{(}}");
        assertThat(template("{{(1)}}")).isEqualTo("1");
    }
}
