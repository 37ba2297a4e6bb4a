package io.hookstream.iml.func;

import static io.hookstream.iml.func.FunctionTestSupport.error;
import static io.hookstream.iml.func.FunctionTestSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.Span;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MathFunctionsTest {

    @Test
    void resultsAreNormalisedDecimals() {
        assertThat(eval("{{abs(-2.50)}}")).isEqualTo(Values.number(new BigDecimal("2.5")));
        assertThat(eval("{{ceil(3.000)}}")).isEqualTo(Values.number(3));
        assertThat(eval("{{sum(0.1, 0.2)}}")).isEqualTo(Values.number(new BigDecimal("0.3")));
        assertThat(eval("{{sum(0.1, 0.2)}}x")).isEqualTo(Values.text("0.3x"));
    }

    @Test
    void missingNumbersPropagate() {
        for (String f : new String[] {"abs", "ceil", "floor", "round", "trunc"}) {
            assertThat(eval("{{" + f + "(body.x)}}", "{\"body\":{}}"))
                    .as(f)
                    .isEqualTo(Values.UNDEFINED);
        }
        assertThat(eval("{{sum(body.x)}}", "{\"body\":{}}")).isEqualTo(Values.number(0));
        assertThat(eval("{{max(body.x)}}", "{\"body\":{}}")).isEqualTo(Values.UNDEFINED);
    }

    @Test
    void wrongTypesAreArgumentErrorsAtTheCall() {
        ImlException e = error("{{ 1 + floor(body.o) }}", "{\"body\":{\"o\":{}}}");
        assertThat(e.code()).isEqualTo(ErrorCode.ARGUMENT_TYPE);
        assertThat(e.span()).isEqualTo(new Span(1, 8, 7, 20));
        assertThat(error("{{formatNumber(1, 'two')}}").code()).isEqualTo(ErrorCode.ARGUMENT_TYPE);
    }

    @Test
    void arity() {
        assertThat(error("{{abs(1, 2)}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
        assertThat(error("{{sum()}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
        assertThat(error("{{formatNumber(1)}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
    }

    @Test
    void aggregatesAcceptArraysAndValuesMixed() {
        assertThat(eval("{{sum(body.a, 4, '5')}}", "{\"body\":{\"a\":[1,2,3]}}"))
                .isEqualTo(Values.number(15));
        assertThat(eval("{{min(body.a)}}", "{\"body\":{\"a\":[\"x\", 3, \"2\"]}}"))
                .isEqualTo(Values.number(2));
        assertThat(eval("{{median(body.a)}}", "{\"body\":{\"a\":[5]}}"))
                .isEqualTo(Values.number(5));
    }

    @Test
    void decimalsAreBounded() {
        assertThat(eval("{{length(formatNumber(1, 1000000))}}")).isEqualTo(Values.number(102));
        assertThat(eval("{{trunc(1.23456, 99999)}}"))
                .isEqualTo(Values.number(new BigDecimal("1.23456")));
    }

    @Test
    void parseNumberSeparatorMustBeCommaOrDot() {
        ImlException e = error("{{parseNumber('1;5', ';')}}");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(e.span().start()).isEqualTo(2);
    }
}
