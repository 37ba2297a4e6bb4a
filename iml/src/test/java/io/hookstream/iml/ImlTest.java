package io.hookstream.iml;

import static io.hookstream.iml.TestValues.context;
import static io.hookstream.iml.TestValues.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public facade: compile entry points, error paths, contexts and the JSON bridge. */
class ImlTest {

    @Test
    void errorPathsArePrefixedWithTheTemplatePath() {
        CompiledTemplate t =
                Iml.standard()
                        .compile(
                                json(
                                        "{\"id\":\"{{body.a / 0}}\",\"list\":[1,\"{{1}}\",\"x{{parseJSON('[')}}\"]}"),
                                "webhooks.orders.output");
        EvalException e =
                assertThrows(
                        EvalException.class, () -> t.evaluate(context("{\"body\":{\"a\":1}}")));
        assertThat(e.path()).isEqualTo("webhooks.orders.output.id");
        assertThat(e.code()).isEqualTo(ErrorCode.DIVISION_BY_ZERO);
        assertThat(e.span()).isEqualTo(new Span(1, 3, 2, 12));
        assertThat(e.getMessage())
                .startsWith("IML-E0401 at webhooks.orders.output.id 1:3: division by zero");

        CompiledTemplate list =
                Iml.standard().compile(json("{\"list\":[1,\"x{{parseJSON('[')}}\"]}"), "out");
        assertThat(
                        assertThrows(EvalException.class, () -> list.evaluate(EvalContext.empty()))
                                .path())
                .isEqualTo("out.list[1]");
    }

    @Test
    void aConstantArrayReadAtAVariableIndexIsNotFoldedAtCompileTime() {
        // the compiler used to fold the index read when only the array was constant, so every
        // evaluation gave the value for a missing index
        CompiledTemplate t =
                Iml.standard().compile(json("{\"v\":\"{{split('a-b-c', '-')[body.i]}}\"}"), "out");
        assertThat(Values.toJson(t.evaluate(context("{\"body\":{\"i\":2}}"))).toString())
                .isEqualTo("{\"v\":\"b\"}");
        assertThat(Values.toJson(t.evaluate(context("{\"body\":{\"i\":3}}"))).toString())
                .isEqualTo("{\"v\":\"c\"}");
        CompiledTemplate constant =
                Iml.standard().compile(json("{\"v\":\"{{split('a-b-c', '-')[2]}}\"}"), "out");
        assertThat(Values.toJson(constant.evaluate(EvalContext.empty())).toString())
                .isEqualTo("{\"v\":\"b\"}");
    }

    @Test
    void parseErrorsAtCompileTimeCarryPathLineAndColumn() {
        ParseException e =
                assertThrows(
                        ParseException.class,
                        () ->
                                Iml.standard()
                                        .compile(
                                                json("{\"a\":{\"b\":\"ok {{ upper( }}\"}}"),
                                                "webhooks.x.output"));
        assertThat(e.path()).isEqualTo("webhooks.x.output.a.b");
        assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_TOKEN);
        assertThat(e.span()).isEqualTo(new Span(1, 14, 13, 15));
        assertThat(e.originalMessage()).isEqualTo("expected a value but found '}}'");
    }

    @Test
    void bareExpressionsForIterate() {
        CompiledExpression iterate =
                Iml.standard().compileExpression("body.data", "webhooks.h.iterate");
        Value items = iterate.evaluate(context("{\"body\":{\"data\":[1,2]}}"));
        assertThat(items).isEqualTo(Values.array(List.of(Values.number(1), Values.number(2))));
        ParseException e =
                assertThrows(
                        ParseException.class,
                        () ->
                                Iml.standard()
                                        .compileExpression("body.data +", "webhooks.h.iterate"));
        assertThat(e.path()).isEqualTo("webhooks.h.iterate");
    }

    @Test
    void contextWithAddsOneVariableCheaply() {
        EvalContext base =
                EvalContext.builder()
                        .variable("body", Values.text("b"))
                        .variable("item", Values.text("old"))
                        .build();
        EvalContext derived = base.with("item", Values.number(1));
        CompiledTemplate t = Iml.standard().compileString("{{body}}-{{item}}", "t");
        assertThat(t.evaluate(derived)).isEqualTo(Values.text("b-1"));
        assertThat(t.evaluate(base)).isEqualTo(Values.text("b-old"));
        assertThat(derived.variables())
                .containsEntry("item", Values.number(1))
                .containsEntry("body", Values.text("b"));
        assertThat(derived.rebuild().build().variable("item")).isEqualTo(Values.number(1));
    }

    @Test
    void timezoneDefaultsToUtcAndNowCanBeFixed() {
        Instant fixed = Instant.parse("2021-06-01T10:00:00Z");
        EvalContext ctx = EvalContext.builder().now(fixed).build();
        assertThat(ctx.timezone().getId()).isEqualTo("Z");
        assertThat(Iml.standard().compileString("{{now}}", "t").evaluate(ctx))
                .isEqualTo(Values.date(fixed));
    }

    @Test
    void jsonRoundTripKeepsOrderAndTypes() {
        JsonNode in = json("{\"z\":1,\"a\":[1.5,\"x\",null,true],\"o\":{}}");
        Value v = Values.fromJson(in);
        assertThat(Values.toJson(v)).isEqualTo(in);
        assertThat(Values.toJson(v).toString())
                .isEqualTo("{\"z\":1,\"a\":[1.5,\"x\",null,true],\"o\":{}}");
    }

    @Test
    void toJsonHandlesUndefinedDatesAndBuffers() {
        Map<String, Value> props = new LinkedHashMap<>();
        props.put("gone", Values.UNDEFINED);
        props.put("at", Values.date(Instant.parse("2020-01-01T00:00:00Z")));
        props.put("raw", Values.buffer(new byte[] {1, 2}));
        props.put("list", Values.array(List.of(Values.UNDEFINED)));
        JsonNode out = Values.toJson(Values.object(props));
        assertThat(out.has("gone")).isFalse();
        assertThat(out.get("at").stringValue()).isEqualTo("2020-01-01T00:00:00.000Z");
        assertThat(out.get("raw").binaryValue()).containsExactly(1, 2);
        assertThat(out.get("list").get(0).isNull()).isTrue();
        assertThat(Values.toJson(Values.UNDEFINED).isMissingNode()).isTrue();
        assertThat(Values.fromJson(out.get("raw"))).isEqualTo(Values.buffer(new byte[] {1, 2}));
    }

    @Test
    void numbersAreNormalisedAndPrintedPerD20() {
        assertThat(Values.number(new BigDecimal("2.50")))
                .isEqualTo(Values.number(new BigDecimal("2.5")));
        assertThat(Values.text(Values.number(new BigDecimal("4.0")))).isEqualTo("4");
        assertThat(Values.text(Values.number(new BigDecimal("400")))).isEqualTo("400");
        assertThat(Values.text(Values.number(new BigDecimal("1e21")))).isEqualTo("1e+21");
        assertThat(Values.text(Values.number(new BigDecimal("-1.5e-8")))).isEqualTo("-1.5e-8");
        assertThat(Values.text(Values.number(new BigDecimal("0.0000001")))).isEqualTo("0.0000001");
        assertThat(Values.toJson(Values.number(new BigDecimal("12345678901234567890"))).toString())
                .isEqualTo("12345678901234567890");
    }

    @Test
    void truthinessAndText() {
        assertThat(Values.truthy(Values.text("false"))).isTrue();
        assertThat(Values.truthy(Values.EMPTY_ARRAY)).isTrue();
        assertThat(Values.truthy(Values.ZERO)).isFalse();
        assertThat(Values.truthy(Values.UNDEFINED)).isFalse();
        assertThat(Values.text(Values.NULL)).isEmpty();
        assertThat(Values.isUndefined(Values.UNDEFINED)).isTrue();
        assertThat(Values.isUndefined(Values.NULL)).isFalse();
    }

    @Test
    void buffersAreCopySafe() {
        byte[] bytes = {1, 2, 3};
        Value b = Values.buffer(bytes);
        bytes[0] = 9;
        ((io.hookstream.iml.value.BufferValue) b).bytes()[1] = 9;
        assertThat(((io.hookstream.iml.value.BufferValue) b).bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void compiledTemplatesFoldConstants() {
        CompiledTemplate t =
                Iml.standard().compile(json("{\"a\":\"{{upper('x') + 1}}\",\"b\":[1,2]}"), "t");
        Value first = t.evaluate(EvalContext.empty());
        assertThat(first)
                .isEqualTo(
                        Values.object(
                                Map.of(
                                        "a",
                                        Values.text("X1"),
                                        "b",
                                        Values.array(
                                                List.of(Values.number(1), Values.number(2))))));
        assertThat(t.evaluate(EvalContext.empty())).isSameAs(first);
    }

    @Test
    void iterateAndOutputLikeAWebhook() {
        CompiledExpression iterate = Iml.standard().compileExpression("body.events", "w.iterate");
        CompiledTemplate output =
                Iml.standard()
                        .compile(
                                json("{\"id\":\"{{item.id}}\",\"skip\":\"{{item.none}}\"}"),
                                "w.output");
        EvalContext ctx = context("{\"body\":{\"events\":[{\"id\":1},{\"id\":2}]}}");
        List<Value> bundles =
                ((ArrayValue) iterate.evaluate(ctx))
                        .items().stream()
                                .map(item -> output.evaluate(ctx.with("item", item)))
                                .toList();
        assertThat(bundles)
                .containsExactly(
                        Values.object(Map.of("id", Values.number(1))),
                        Values.object(Map.of("id", Values.number(2))));
    }
}
