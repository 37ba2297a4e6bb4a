package io.hookstream.iml;

import static io.hookstream.iml.TestValues.context;
import static io.hookstream.iml.TestValues.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each limit fails with its own code, at its boundary, and leaves the engine usable. */
class LimitsTest {

    private static Iml with(Limits limits) {
        return Iml.standard().withLimits(limits);
    }

    @Test
    void defaultsAreDocumentedValues() {
        Limits d = Limits.defaults();
        assertThat(d.maxExpressionLength()).isEqualTo(100_000);
        assertThat(d.maxNestingDepth()).isEqualTo(256);
        assertThat(d.maxTemplateDepth()).isEqualTo(128);
        assertThat(d.maxValueDepth()).isEqualTo(256);
        assertThat(d.maxEvaluationSteps()).isEqualTo(1_000_000L);
        assertThat(d.maxStringLength()).isEqualTo(10_000_000);
        assertThat(d.maxArraySize()).isEqualTo(100_000);
        assertThat(d.maxOutputSize()).isEqualTo(20_000_000L);
        assertThat(Iml.standard().limits()).isEqualTo(d);
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Limits.defaults().toBuilder().maxArraySize(0).build());
    }

    @Test
    void expressionLength() {
        Iml iml = with(Limits.defaults().toBuilder().maxExpressionLength(20).build());
        assertThat(iml.compileString("{{'0123456789012'}}", "p").evaluate(EvalContext.empty()))
                .isEqualTo(Values.text("0123456789012"));
        ParseException e =
                assertThrows(
                        ParseException.class,
                        () -> iml.compileString("{{'012345678901234'}}", "p"));
        assertThat(e.code()).isEqualTo(ErrorCode.EXPRESSION_TOO_LONG);
        assertThat(e.path()).isEqualTo("p");
    }

    @Test
    void nestingDepth() {
        Iml iml = with(Limits.defaults().toBuilder().maxNestingDepth(10).build());
        iml.compileExpression("((((1))))", "p");
        ParseException e =
                assertThrows(
                        ParseException.class,
                        () -> iml.compileExpression("((((((((((((1))))))))))))", "p"));
        assertThat(e.code()).isEqualTo(ErrorCode.NESTING_TOO_DEEP);
        // the outer expression is level 1, so the tenth parenthesis opens level 11
        assertThat(e.span().start()).isEqualTo(10);
    }

    @Test
    void operatorChainsCountAsNesting() {
        Iml iml = with(Limits.defaults().toBuilder().maxNestingDepth(10).build());
        iml.compileExpression("1+1+1+1+1", "p");
        ParseException e =
                assertThrows(
                        ParseException.class,
                        () -> iml.compileExpression("1+1+1+1+1+1+1+1+1+1+1+1", "p"));
        assertThat(e.code()).isEqualTo(ErrorCode.NESTING_TOO_DEEP);
        ParseException path =
                assertThrows(
                        ParseException.class,
                        () -> iml.compileExpression("a.b.c.d.e.f.g.h.i.j.k.l", "p"));
        assertThat(path.code()).isEqualTo(ErrorCode.NESTING_TOO_DEEP);
    }

    @Test
    void templateDepth() {
        Iml iml = with(Limits.defaults().toBuilder().maxTemplateDepth(3).build());
        iml.compile(json("{\"a\":{\"b\":{\"c\":1}}}"), "out");
        ParseException e =
                assertThrows(
                        ParseException.class,
                        () -> iml.compile(json("{\"a\":{\"b\":{\"c\":{\"d\":[1]}}}}"), "out"));
        assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_TOO_DEEP);
        assertThat(e.path()).isEqualTo("out.a.b.c.d");
    }

    @Test
    void valueDepthInParseJson() {
        Iml iml = with(Limits.defaults().toBuilder().maxValueDepth(5).build());
        CompiledTemplate t = iml.compileString("{{parseJSON(body.s)}}", "out");
        assertThat(t.evaluate(context("{\"body\":{\"s\":\"[[[[1]]]]\"}}"))).isNotNull();
        EvalException e =
                assertThrows(
                        EvalException.class,
                        () -> t.evaluate(context("{\"body\":{\"s\":\"[[[[[[1]]]]]]\"}}")));
        assertThat(e.code()).isEqualTo(ErrorCode.VALUE_TOO_DEEP);
        assertThat(e.span().start()).isEqualTo(2);
        assertThat(e.path()).isEqualTo("out");
    }

    @Test
    void valueDepthInFromJson() {
        StringBuilder deep = new StringBuilder();
        deep.append("[".repeat(300)).append("]".repeat(300));
        ImlException e =
                assertThrows(ImlException.class, () -> Values.fromJson(json(deep.toString())));
        assertThat(e.code()).isEqualTo(ErrorCode.VALUE_TOO_DEEP);
        assertThat(Values.fromJson(json(deep.toString()), 400)).isNotNull();
    }

    @Test
    void evaluationSteps() {
        Iml iml = with(Limits.defaults().toBuilder().maxEvaluationSteps(50).build());
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(Values.number(i));
        }
        EvalContext ctx = EvalContext.builder().variable("a", Values.array(items)).build();
        assertThat(iml.compileString("{{length(a)}}", "p").evaluate(ctx))
                .isEqualTo(Values.number(100));
        EvalException e =
                assertThrows(
                        EvalException.class,
                        () -> iml.compileString("{{join(a, ',')}}", "p").evaluate(ctx));
        assertThat(e.code()).isEqualTo(ErrorCode.STEP_LIMIT);
        assertThat(e.span().start()).isEqualTo(2);
    }

    @Test
    void stringLength() {
        Iml iml = with(Limits.defaults().toBuilder().maxStringLength(10).build());
        EvalContext ctx = context("{\"s\":\"12345\"}");
        assertThat(iml.compileString("{{s + s}}", "p").evaluate(ctx))
                .isEqualTo(Values.text("1234512345"));
        assertThat(
                        assertThrows(
                                        EvalException.class,
                                        () -> iml.compileString("{{s + s + 1}}", "p").evaluate(ctx))
                                .code())
                .isEqualTo(ErrorCode.STRING_TOO_LONG);
        assertThat(
                        assertThrows(
                                        EvalException.class,
                                        () -> iml.compileString("{{s}}{{s}}!", "p").evaluate(ctx))
                                .code())
                .isEqualTo(ErrorCode.STRING_TOO_LONG);
        assertThat(
                        assertThrows(
                                        EvalException.class,
                                        () ->
                                                iml.compileString(
                                                                "{{replace(s, '/./g', 'abc')}}",
                                                                "p")
                                                        .evaluate(ctx))
                                .code())
                .isEqualTo(ErrorCode.STRING_TOO_LONG);
    }

    @Test
    void arraySize() {
        Iml iml = with(Limits.defaults().toBuilder().maxArraySize(3).build());
        assertThat(iml.compileString("{{split('a,b,c', ',')}}", "p").evaluate(EvalContext.empty()))
                .isEqualTo(
                        Values.array(
                                List.of(Values.text("a"), Values.text("b"), Values.text("c"))));
        EvalException e =
                assertThrows(
                        EvalException.class,
                        () ->
                                iml.compileString("{{split(s, ',')}}", "p")
                                        .evaluate(context("{\"s\":\"a,b,c,d\"}")));
        assertThat(e.code()).isEqualTo(ErrorCode.ARRAY_TOO_LARGE);
        EvalException merged =
                assertThrows(
                        EvalException.class,
                        () ->
                                iml.compileString("{{merge(a, a)}}", "p")
                                        .evaluate(context("{\"a\":[1,2]}")));
        assertThat(merged.code()).isEqualTo(ErrorCode.ARRAY_TOO_LARGE);
    }

    @Test
    void outputSize() {
        Iml iml = with(Limits.defaults().toBuilder().maxOutputSize(40).build());
        EvalContext ctx = context("{\"body\":{\"s\":\"0123456789\"}}");
        iml.compile(json("{\"a\":\"{{body.s}}\"}"), "out").evaluate(ctx);
        EvalException e =
                assertThrows(
                        EvalException.class,
                        () ->
                                iml.compile(
                                                json(
                                                        "{\"a\":\"{{body.s}}\",\"b\":\"{{body.s}}\",\"c\":\"{{body.s}}\"}"),
                                                "out")
                                        .evaluate(ctx));
        assertThat(e.code()).isEqualTo(ErrorCode.OUTPUT_TOO_LARGE);
        assertThat(e.path()).isEqualTo("out");
    }
}
