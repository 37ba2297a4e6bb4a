package io.hookstream.iml;

import static io.hookstream.iml.TestValues.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile templates and data end with an {@link ImlException}, never a hang, a StackOverflowError
 * or a foreign exception. The timeouts are generous hang guards, not performance assertions.
 */
class HostileInputTest {

    private static final Duration GUARD = Duration.ofSeconds(10);

    @Test
    void tenThousandNestedParentheses() {
        String src = "{{" + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "}}";
        ParseException e =
                assertTimeoutPreemptively(
                        GUARD,
                        () ->
                                assertThrows(
                                        ParseException.class,
                                        () -> Iml.standard().compileString(src, "p")));
        assertThat(e.code()).isEqualTo(ErrorCode.NESTING_TOO_DEEP);
    }

    @Test
    void tenThousandNestedCallsAndNots() {
        String calls = "{{" + "upper(".repeat(10_000) + "'a'" + ")".repeat(10_000) + "}}";
        assertThat(
                        assertThrows(
                                        ParseException.class,
                                        () -> Iml.standard().compileString(calls, "p"))
                                .code())
                .isEqualTo(ErrorCode.NESTING_TOO_DEEP);
        String nots = "{{" + "!".repeat(10_000) + "1}}";
        assertThat(
                        assertThrows(
                                        ParseException.class,
                                        () -> Iml.standard().compileString(nots, "p"))
                                .code())
                .isEqualTo(ErrorCode.NESTING_TOO_DEEP);
    }

    @Test
    void longOperatorChainWithinLength() {
        String src = "{{1" + "+1".repeat(40_000) + "}}";
        assertThat(
                        assertThrows(
                                        ParseException.class,
                                        () -> Iml.standard().compileString(src, "p"))
                                .code())
                .isEqualTo(ErrorCode.NESTING_TOO_DEEP);
    }

    @Test
    void hugeTemplateStringIsRefused() {
        String src = "x".repeat(200_000) + "{{1}}";
        assertThat(
                        assertThrows(
                                        ParseException.class,
                                        () -> Iml.standard().compileString(src, "p"))
                                .code())
                .isEqualTo(ErrorCode.EXPRESSION_TOO_LONG);
    }

    @Test
    void regexBombRunsInLinearTime() {
        String evil = "a".repeat(100_000) + "!";
        EvalContext ctx = EvalContext.builder().variable("x", Values.text(evil)).build();
        Value out =
                assertTimeoutPreemptively(
                        GUARD,
                        () ->
                                Iml.standard()
                                        .compileString("{{replace(x, '/(a+)+$/', '')}}", "p")
                                        .evaluate(ctx));
        assertThat(Values.text(out)).isEqualTo(evil);
        Value nested =
                assertTimeoutPreemptively(
                        GUARD,
                        () ->
                                Iml.standard()
                                        .compileString("{{replace(x, '/(a|aa)*$/g', '-')}}", "p")
                                        .evaluate(ctx));
        assertThat(Values.text(nested)).endsWith("!-");
    }

    @Test
    void backreferencesAreRejectedNotBacktracked() {
        EvalException e =
                assertThrows(
                        EvalException.class,
                        () ->
                                Iml.standard()
                                        .compileString("{{replace(x, '/(a*)\\1$/', '')}}", "p")
                                        .evaluate(
                                                EvalContext.builder()
                                                        .variable("x", Values.text("aaaa"))
                                                        .build()));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REGEX);
    }

    @Test
    void hugeStringsHitTheStringLimit() {
        String big = "x".repeat(6_000_000);
        EvalContext ctx = EvalContext.builder().variable("s", Values.text(big)).build();
        EvalException e =
                assertTimeoutPreemptively(
                        GUARD,
                        () ->
                                assertThrows(
                                        EvalException.class,
                                        () ->
                                                Iml.standard()
                                                        .compileString("{{s + s}}", "p")
                                                        .evaluate(ctx)));
        assertThat(e.code()).isEqualTo(ErrorCode.STRING_TOO_LONG);
    }

    @Test
    void deeplyNestedDataFailsCleanly() {
        Value v = Values.number(1);
        for (int i = 0; i < 50_000; i++) {
            v = Values.array(List.of(v));
        }
        EvalContext ctx = EvalContext.builder().variable("d", v).build();
        ImlException text =
                assertThrows(
                        ImlException.class,
                        () -> Iml.standard().compileString("x{{d}}", "p").evaluate(ctx));
        assertThat(text.code()).isEqualTo(ErrorCode.VALUE_TOO_DEEP);
        ImlException created =
                assertThrows(
                        ImlException.class,
                        () -> Iml.standard().compileString("{{createJSON(d)}}", "p").evaluate(ctx));
        assertThat(created.code()).isEqualTo(ErrorCode.VALUE_TOO_DEEP);
        assertThat(assertThrows(ImlException.class, () -> Values.toJson(ctx.variable("d"))).code())
                .isEqualTo(ErrorCode.VALUE_TOO_DEEP);
    }

    @Test
    void deepJsonTextInParseJson() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        EvalContext ctx = EvalContext.builder().variable("s", Values.text(deep)).build();
        ImlException e =
                assertTimeoutPreemptively(
                        GUARD,
                        () ->
                                assertThrows(
                                        ImlException.class,
                                        () ->
                                                Iml.standard()
                                                        .compileString("{{parseJSON(s)}}", "p")
                                                        .evaluate(ctx)));
        assertThat(e.code()).isIn(ErrorCode.VALUE_TOO_DEEP, ErrorCode.INVALID_JSON);
    }

    @Test
    void hugeNumbersAreRefusedNotExpanded() {
        EvalContext ctx = EvalContext.builder().build();
        ImlException e =
                assertTimeoutPreemptively(
                        GUARD,
                        () ->
                                assertThrows(
                                        ImlException.class,
                                        () ->
                                                Iml.standard()
                                                        .compileString(
                                                                "{{formatNumber(parseJSON('1e999999999'), 2)}}",
                                                                "p")
                                                        .evaluate(ctx)));
        assertThat(e.code()).isEqualTo(ErrorCode.NUMBER_OUT_OF_RANGE);
    }

    @Test
    void largeArraysAreBoundedBySteps() {
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            items.add(Values.number(i));
        }
        Map<String, Value> body = new LinkedHashMap<>();
        body.put("a", Values.array(items));
        EvalContext ctx = EvalContext.builder().variable("body", Values.object(body)).build();
        String src = "{{" + "length(sort(body.a)) + ".repeat(20) + "0}}";
        EvalException e =
                assertTimeoutPreemptively(
                        GUARD,
                        () ->
                                assertThrows(
                                        EvalException.class,
                                        () ->
                                                Iml.standard()
                                                        .compileString(src, "p")
                                                        .evaluate(ctx)));
        assertThat(e.code()).isEqualTo(ErrorCode.STEP_LIMIT);
    }

    @Test
    void deepTemplateJson() {
        String deep = "{\"a\":".repeat(400) + "1" + "}".repeat(400);
        ParseException e =
                assertThrows(
                        ParseException.class,
                        () ->
                                Iml.standard()
                                        .compile(json(deep.replace("1}", "\"{{1}}\"}")), "out"));
        assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_TOO_DEEP);
    }

    @Test
    void bugsInFunctionsAreWrapped() {
        io.hookstream.iml.func.FunctionRegistry broken =
                io.hookstream.iml.func.catalogue.StandardCatalogue.registry().toBuilder()
                        .add(
                                io.hookstream.iml.func.FunctionSpec.builder("boom")
                                        .eager(
                                                (args, cx) -> {
                                                    throw new IllegalStateException("bug");
                                                })
                                        .impure()
                                        .build())
                        .build();
        EvalException e =
                assertThrows(
                        EvalException.class,
                        () ->
                                Iml.standard()
                                        .withFunctions(broken)
                                        .compileString("x {{boom()}}", "out.y")
                                        .evaluate(EvalContext.empty()));
        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(e.span().start()).isEqualTo(4);
        assertThat(e.path()).isEqualTo("out.y");
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
    }
}
