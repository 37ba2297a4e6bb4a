package io.hookstream.cli.conformance;

import io.hookstream.iml.CompiledTemplate;
import io.hookstream.iml.EvalContext;
import io.hookstream.iml.Iml;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.Value;
import io.hookstream.webhook.conformance.TypedJson;
import java.time.ZoneId;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Runs expression cases: compiles {@code template}, binds each {@code context} key as a root
 * variable (a {@code now} date also fixes the evaluation's clock), applies {@code options.timezone}
 * and compares the result with {@code expected}.
 */
public final class ExpressionCaseRunner implements CaseRunner {

    /** The kind of cases that have no {@code kind} property. */
    public static final String KIND = "expression";

    private final Iml iml;

    public ExpressionCaseRunner(Iml iml) {
        this.iml = iml;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public CaseResult run(JsonNode testCase) {
        String id = testCase.path("id").asString("?");
        JsonNode expectedJson = testCase.get("expected");
        if (expectedJson == null) {
            return CaseResult.failed(id, "?", "?", "case has no 'expected'");
        }
        Value expected = TypedJson.toValue(expectedJson);
        String expectedText = TypedJson.describe(expected);
        try {
            EvalContext.Builder ctx = EvalContext.builder();
            JsonNode context = testCase.path("context");
            for (Map.Entry<String, JsonNode> e : context.properties()) {
                Value v = TypedJson.toValue(e.getValue());
                ctx.variable(e.getKey(), v);
                if (e.getKey().equals("now") && v.kind() == Kind.DATE) {
                    ctx.now(((io.hookstream.iml.value.DateValue) v).value());
                }
            }
            String tz = testCase.path("options").path("timezone").asString("");
            if (!tz.isEmpty()) {
                ctx.timezone(ZoneId.of(tz));
            }
            CompiledTemplate template = iml.compile(testCase.path("template"), "");
            Value actual = template.evaluate(ctx.build());
            if (ValueComparison.same(expected, actual)) {
                return CaseResult.passed(id);
            }
            return CaseResult.failed(id, expectedText, TypedJson.describe(actual), "");
        } catch (ImlException e) {
            return CaseResult.failed(id, expectedText, "error", e.getMessage());
        } catch (RuntimeException e) {
            return CaseResult.failed(id, expectedText, "error", e.toString());
        }
    }
}
