package io.hookstream.iml;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.func.FunctionSpec;
import io.hookstream.iml.func.catalogue.StandardCatalogue;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated templates, from token soup to deeply nested calls of every function with arbitrary
 * arguments, each either compiles and evaluates to a value or fails with an {@link ImlException}:
 * never another exception, never a StackOverflowError, never a hang. Evaluation runs on a worker
 * thread with the JVM's default stack (as request and stream threads have), under a generous hang
 * guard that is not a performance bound.
 */
class ImlFuzzTest {

    private static final long GUARD_SECONDS = 10;
    private static final Iml IML = Iml.standard();
    private static final List<String> FUNCTIONS =
            StandardCatalogue.registry().all().stream().map(FunctionSpec::name).sorted().toList();
    private static final EvalContext CONTEXT =
            EvalContext.builder()
                    .variable(
                            "body",
                            TestValues.typed(
                                    TestValues.json(
                                            """
            {"id": 42, "name": "Zoë", "items": [{"sku": "a", "qty": 2}, {"sku": "b", "qty": -1.5}], "flag": true,
             "none": null, "nested": {"deep": {"deeper": [1, [2, [3]]]}}, "text": "2026-03-01T12:00:00Z", "empty": ""}""")))
                    .variable(
                            "item", TestValues.typed(TestValues.json("{\"sku\": \"x\", \"n\": 3}")))
                    .timezone(ZoneId.of("Europe/Prague"))
                    .now(Instant.parse("2026-03-01T12:00:00Z"))
                    .build();
    private static final ExecutorService WORKER =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "iml-fuzz");
                        t.setDaemon(true);
                        return t;
                    });

    @AfterContainer
    static void stopWorker() {
        WORKER.shutdownNow();
    }

    @Property(tries = 4000)
    void tokenSoupCompilesAndEvaluatesOrFailsWithImlException(
            @ForAll("tokenSoup") String template) {
        assertCompilesAndEvaluatesOrImlException(template);
    }

    @Property(tries = 4000)
    void nestedExpressionsCompileAndEvaluateOrFailWithImlException(
            @ForAll("expressions") String template) {
        assertCompilesAndEvaluatesOrImlException(template);
    }

    @Property(tries = 2500)
    void deepNestingIsRefusedOrEvaluatedWithoutStackOverflow(@ForAll("deep") String template) {
        assertCompilesAndEvaluatesOrImlException(template);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> token =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "{{",
                                "}}",
                                "(",
                                ")",
                                "[",
                                "]",
                                ",",
                                ".",
                                ":",
                                "?",
                                "+",
                                "-",
                                "*",
                                "/",
                                "%",
                                "=",
                                "!=",
                                "<",
                                ">",
                                "<=",
                                ">=",
                                "&",
                                "&&",
                                "|",
                                "||",
                                "!",
                                "'",
                                "\"",
                                "\\",
                                " ",
                                "\n",
                                "\t",
                                "null",
                                "true",
                                "false",
                                "body",
                                "item",
                                "body.items",
                                "body.nested.deep",
                                "[0]",
                                "[-1]",
                                "[99999999999999999999]",
                                "1e999",
                                "-0",
                                "0x1F",
                                "1.5",
                                "\u0000",
                                "\uD800",
                                "😀",
                                "{{{{",
                                "}}}}",
                                "'unterminated",
                                "\"a\\u12\"",
                                "$",
                                "@",
                                "#"),
                        Arbitraries.of(FUNCTIONS),
                        Arbitraries.strings().ofMaxLength(6),
                        Arbitraries.integers().map(String::valueOf));
        return token.list().ofMaxSize(30).map(tokens -> String.join("", tokens));
    }

    @Provide
    Arbitrary<String> expressions() {
        return expression(4)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(
                        parts -> {
                            StringBuilder template = new StringBuilder();
                            for (String part : parts) {
                                template.append("text ").append("{{").append(part).append("}}");
                            }
                            return template.toString();
                        });
    }

    @Provide
    Arbitrary<String> deep() {
        Arbitrary<Integer> depth = Arbitraries.integers().between(1, 3000);
        Arbitrary<String> wrapper =
                Arbitraries.of(
                        "(", "upper(", "length(", "!", "-", "[", "if(true, ", "ifempty(", "{{");
        Arbitrary<String> closer = Arbitraries.of(")", "]", "", "}}", ", 1)");
        return Combinators.combine(depth, wrapper, closer, atom())
                .as(
                        (n, open, close, core) ->
                                "{{" + open.repeat(n) + core + close.repeat(n) + "}}");
    }

    private Arbitrary<String> expression(int depth) {
        if (depth == 0) {
            return atom();
        }
        Arbitrary<String> smaller = Arbitraries.lazy(() -> expression(depth - 1));
        Arbitrary<String> call =
                Combinators.combine(Arbitraries.of(FUNCTIONS), smaller.list().ofMaxSize(4))
                        .as((name, args) -> name + "(" + String.join(", ", args) + ")");
        Arbitrary<String> binary =
                Combinators.combine(
                                smaller,
                                Arbitraries.of(
                                        "+", "-", "*", "/", "%", "=", "!=", "<", ">", "<=", ">=",
                                        "&", "|", "and", "or"),
                                smaller)
                        .as((left, op, right) -> left + " " + op + " " + right);
        Arbitrary<String> unary =
                Combinators.combine(Arbitraries.of("!", "-", "not "), smaller)
                        .as((op, e) -> op + e);
        Arbitrary<String> index =
                Combinators.combine(smaller, smaller).as((e, i) -> "(" + e + ")[" + i + "]");
        Arbitrary<String> member =
                Combinators.combine(smaller, Arbitraries.of("a", "items", "sku", "0", "length"))
                        .as((e, name) -> "(" + e + ")." + name);
        Arbitrary<String> paren = smaller.map(e -> "(" + e + ")");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, atom()),
                net.jqwik.api.Tuple.of(4, call),
                net.jqwik.api.Tuple.of(2, binary),
                net.jqwik.api.Tuple.of(1, unary),
                net.jqwik.api.Tuple.of(1, index),
                net.jqwik.api.Tuple.of(1, member),
                net.jqwik.api.Tuple.of(1, paren));
    }

    private static Arbitrary<String> atom() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "body",
                        "item",
                        "body.items",
                        "body.items[1].qty",
                        "body.nested.deep.deeper",
                        "body.none",
                        "body.missing.x",
                        "body.text",
                        "body.empty",
                        "null",
                        "true",
                        "false",
                        "emptyarray",
                        "emptystring",
                        "now",
                        "pi",
                        "random",
                        "''",
                        "\"\"",
                        "'Zoë'",
                        "'2026-02-30'",
                        "'YYYY-MM-DD'",
                        "'[a-z]+(('",
                        "'%'",
                        "'\\\\'"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "1"),
                Arbitraries.strings()
                        .withCharRange(' ', '~')
                        .ofMaxLength(12)
                        .map(s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"));
    }

    private static void assertCompilesAndEvaluatesOrImlException(String template) {
        Future<String> outcome =
                WORKER.submit(
                        () -> {
                            try {
                                CompiledTemplate compiled = IML.compileString(template, "fuzz");
                                return "value:" + compiled.evaluate(CONTEXT).kind();
                            } catch (ImlException e) {
                                assertThat(e.code()).as("an IML error has a code").isNotNull();
                                return "error:" + e.code();
                            }
                        });
        try {
            assertThat(outcome.get(GUARD_SECONDS, TimeUnit.SECONDS)).isNotNull();
        } catch (TimeoutException e) {
            outcome.cancel(true);
            throw new AssertionError(
                    "no answer within " + GUARD_SECONDS + "s for: " + abbreviate(template));
        } catch (ExecutionException e) {
            throw new AssertionError(
                    "not an ImlException for: " + abbreviate(template), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String abbreviate(String template) {
        return template.length() <= 500
                ? template
                : template.substring(0, 500) + "... (" + template.length() + " chars)";
    }
}
