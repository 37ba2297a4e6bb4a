package io.hookstream.iml.func;

import static io.hookstream.iml.func.FunctionTestSupport.error;
import static io.hookstream.iml.func.FunctionTestSupport.eval;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.Span;
import io.hookstream.iml.value.Values;
import org.junit.jupiter.api.Test;

class GeneralFunctionsTest {

    @Test
    void ifEvaluatesOnlyTheChosenBranch() {
        assertThat(eval("{{if(body.ok, 'y', 1 / 0)}}", "{\"body\":{\"ok\":true}}"))
                .isEqualTo(Values.text("y"));
        ImlException e = error("{{if(body.ok, 'y', 1 / 0)}}", "{\"body\":{\"ok\":false}}");
        assertThat(e.code()).isEqualTo(ErrorCode.DIVISION_BY_ZERO);
        assertThat(e.span()).isEqualTo(new Span(1, 20, 19, 24));
    }

    @Test
    void ifUsesJavaScriptTruthiness() {
        assertThat(eval("{{if(0, 'y', 'n')}}")).isEqualTo(Values.text("n"));
        assertThat(eval("{{if('0', 'y', 'n')}}")).isEqualTo(Values.text("y"));
        assertThat(eval("{{if(body, 'y', 'n')}}", "{\"body\":{}}")).isEqualTo(Values.text("y"));
        assertThat(eval("{{if(null, 'y', 'n')}}")).isEqualTo(Values.text("n"));
    }

    @Test
    void ifArity() {
        ImlException e = error("{{if(true)}}");
        assertThat(e.code()).isEqualTo(ErrorCode.WRONG_ARITY);
        assertThat(e.span()).isEqualTo(new Span(1, 3, 2, 10));
        assertThat(error("{{if(1, 2, 3, 4)}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
    }

    @Test
    void ifemptyTreatsOnlyUndefinedNullAndEmptyTextAsEmpty() {
        assertThat(eval("{{ifempty(body.x, 'B')}}", "{\"body\":{}}")).isEqualTo(Values.text("B"));
        assertThat(eval("{{ifempty(emptystring, 'B')}}")).isEqualTo(Values.text("B"));
        assertThat(eval("{{ifempty(false, 'B')}}")).isEqualTo(Values.FALSE);
        assertThat(eval("{{ifempty(' ', 'B')}}")).isEqualTo(Values.text(" "));
    }

    @Test
    void switchWithElseAndWithout() {
        assertThat(eval("{{switch(body.s, 'a', 1, 'b', 2, 0)}}", "{\"body\":{\"s\":\"b\"}}"))
                .isEqualTo(Values.number(2));
        assertThat(eval("{{switch(body.s, 'a', 1, 0)}}", "{\"body\":{\"s\":\"z\"}}"))
                .isEqualTo(Values.number(0));
        assertThat(eval("{{switch(body.s, 'a', 1)}}", "{\"body\":{}}")).isEqualTo(Values.UNDEFINED);
        assertThat(error("{{switch()}}").code()).isEqualTo(ErrorCode.WRONG_ARITY);
    }

    @Test
    void getHandlesMissingTargetsAndPaths() {
        assertThat(eval("{{get(body.x, 'a')}}", "{\"body\":{}}")).isEqualTo(Values.UNDEFINED);
        assertThat(eval("{{get(body, body.p)}}", "{\"body\":{}}")).isEqualTo(Values.UNDEFINED);
        assertThat(eval("{{get(body.a, 0)}}", "{\"body\":{\"a\":[1]}}"))
                .isEqualTo(Values.UNDEFINED);
        assertThat(eval("{{get(body.a, -1)}}", "{\"body\":{\"a\":[1,2]}}"))
                .isEqualTo(Values.number(2));
    }

    @Test
    void pickAndOmitNeedAnObject() {
        ImlException e = error("{{pick(body.a, 'x')}}", "{\"body\":{\"a\":[1]}}");
        assertThat(e.code()).isEqualTo(ErrorCode.ARGUMENT_TYPE);
        assertThat(e.span()).isEqualTo(new Span(1, 3, 2, 19));
        assertThat(eval("{{omit(body.x, 'a')}}", "{\"body\":{}}")).isEqualTo(Values.UNDEFINED);
        assertThat(eval("{{pick(body, 'nope')}}", "{\"body\":{\"a\":1}}"))
                .isEqualTo(Values.object(java.util.Map.of()));
    }

    @Test
    void isArrayAndMergeCollections() {
        assertThat(eval("{{isArray(emptyarray)}}")).isEqualTo(Values.TRUE);
        assertThat(eval("{{isArray('[]')}}")).isEqualTo(Values.FALSE);
        assertThat(
                        error(
                                        "{{mergeCollections(body.a, body.b)}}",
                                        "{\"body\":{\"a\":{},\"b\":[1]}}")
                                .code())
                .isEqualTo(ErrorCode.ARGUMENT_TYPE);
    }
}
