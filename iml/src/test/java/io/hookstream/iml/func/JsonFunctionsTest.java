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

class JsonFunctionsTest {

    @Test
    void parseJsonKeepsDecimalsExactAndOrder() {
        assertThat(eval("{{parseJSON('[0.1, 12345678901234567890.5]')}}"))
                .isEqualTo(
                        Values.array(
                                java.util.List.of(
                                        Values.number(new BigDecimal("0.1")),
                                        Values.number(new BigDecimal("12345678901234567890.5")))));
        assertThat(eval("{{keys(parseJSON('{\"z\":1,\"a\":2}'))}}"))
                .isEqualTo(Values.array(java.util.List.of(Values.text("z"), Values.text("a"))));
    }

    @Test
    void parseJsonErrorsCarryTheSpan() {
        ImlException e = error("x {{parseJSON(body.s)}}", "{\"body\":{\"s\":\"{\\\"a\\\":}\"}}");
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_JSON);
        assertThat(e.span()).isEqualTo(new Span(1, 5, 4, 21));
    }

    @Test
    void createJsonWritesBuffersAsBase64AndArraysWithNulls() {
        assertThat(eval("{{createJSON(toBinary('hi'))}}")).isEqualTo(Values.text("\"aGk=\""));
        assertThat(
                        eval(
                                "{{createJSON(body)}}",
                                "{\"body\":{\"a\":[1,null],\"u\":{\"$undefined\":true}}}"))
                .isEqualTo(Values.text("{\"a\":[1,null]}"));
        assertThat(eval("{{createJSON(body.x)}}", "{\"body\":{}}")).isEqualTo(Values.UNDEFINED);
        assertThat(eval("{{createJSON(null)}}")).isEqualTo(Values.text("null"));
        assertThat(eval("{{createJSON(1e21)}}")).isEqualTo(Values.text("1e+21"));
    }

    @Test
    void arity() {
        assertThat(error("{{parseJSON()}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
        assertThat(error("{{createJSON(1, 2)}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
    }
}
