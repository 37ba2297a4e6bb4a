package io.hookstream.iml.func;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookstream.iml.EvalContext;
import io.hookstream.iml.Iml;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.TestValues;
import io.hookstream.iml.value.Value;
import java.time.Instant;
import java.time.ZoneId;

/** Shared helpers for the per-library function tests. */
final class FunctionTestSupport {

    static final Instant NOW = Instant.parse("2020-01-01T00:00:00Z");

    private FunctionTestSupport() {}

    static Value eval(String iml) {
        return TestValues.eval(iml);
    }

    static Value eval(String iml, String variables) {
        return TestValues.eval(iml, variables);
    }

    static Value evalIn(String zone, String iml) {
        EvalContext ctx = EvalContext.builder().now(NOW).timezone(ZoneId.of(zone)).build();
        return Iml.standard().compileString(iml, "t").evaluate(ctx);
    }

    static ImlException error(String iml) {
        return assertThrows(ImlException.class, () -> TestValues.eval(iml));
    }

    static ImlException error(String iml, String variables) {
        return assertThrows(ImlException.class, () -> TestValues.eval(iml, variables));
    }
}
