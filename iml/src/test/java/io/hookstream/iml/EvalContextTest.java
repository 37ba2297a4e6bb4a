package io.hookstream.iml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Lazily bound variables: computed on first read, once, and never when no expression reads them.
 */
class EvalContextTest {

    private final AtomicInteger calls = new AtomicInteger();
    private final Supplier<Value> body =
            () -> {
                calls.incrementAndGet();
                return Values.object(Map.of("id", Values.number(7)));
            };

    @Test
    void aLazyVariableIsComputedOnceWhenRead() {
        EvalContext context =
                EvalContext.builder()
                        .variable("headers", Values.text("h"))
                        .lazyVariable("body", body)
                        .build();
        CompiledTemplate template = Iml.standard().compileString("{{body.id}}-{{body.id}}", "t");

        assertThat(template.evaluate(context)).isEqualTo(Values.text("7-7"));
        assertThat(template.evaluate(context.with("item", Values.number(1))))
                .isEqualTo(Values.text("7-7"));
        assertThat(calls).hasValue(1);
    }

    @Test
    void aLazyVariableNobodyReadsIsNeverComputed() {
        EvalContext context =
                EvalContext.builder()
                        .variable("headers", Values.text("h"))
                        .lazyVariable("body", body)
                        .build();

        assertThat(Iml.standard().compileString("{{headers}}", "t").evaluate(context))
                .isEqualTo(Values.text("h"));
        assertThat(context.rebuild().variable("now", Values.number(1)).build().variable("headers"))
                .isEqualTo(Values.text("h"));
        assertThat(calls).hasValue(0);
    }

    @Test
    void variablesListsLazyOnesWithTheirValuesAndTheLastBindingWins() {
        EvalContext context =
                EvalContext.builder()
                        .lazyVariable("body", body)
                        .variable("a", Values.number(1))
                        .variable("body", Values.text("eager"))
                        .lazyVariable("a", () -> Values.number(2))
                        .build();

        assertThat(context.variables())
                .containsEntry("body", Values.text("eager"))
                .containsEntry("a", Values.number(2));
        assertThat(calls).hasValue(0);
    }

    @Test
    void whatTheSupplierThrowsReachesTheReader() {
        EvalContext context =
                EvalContext.builder()
                        .lazyVariable(
                                "body",
                                () -> {
                                    throw new IllegalStateException("boom");
                                })
                        .build();

        assertThrows(IllegalStateException.class, () -> context.variable("body"));
    }
}
