package io.hookstream.iml;

import io.hookstream.iml.eval.Compilation;
import io.hookstream.iml.func.FunctionRegistry;
import io.hookstream.iml.func.catalogue.StandardCatalogue;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The entry point: compiles IML templates and expressions against a function registry and {@link
 * Limits}. Immutable and thread-safe; compile once, evaluate many times.
 *
 * <pre>{@code
 * Iml iml = Iml.standard();
 * CompiledTemplate t = iml.compile(outputJson, "webhooks.orders.output");
 * Value out = t.evaluate(EvalContext.builder().variable("body", Values.fromJson(body)).build());
 * }</pre>
 */
public final class Iml {

    private static final Iml STANDARD = new Iml(StandardCatalogue.registry(), Limits.defaults());

    private final FunctionRegistry functions;
    private final Limits limits;

    private Iml(FunctionRegistry functions, Limits limits) {
        this.functions = functions;
        this.limits = limits;
    }

    /** The standard function catalogue with {@link Limits#defaults()}. */
    public static Iml standard() {
        return STANDARD;
    }

    public Iml withLimits(Limits limits) {
        return new Iml(functions, Objects.requireNonNull(limits, "limits"));
    }

    public Iml withFunctions(FunctionRegistry functions) {
        return new Iml(Objects.requireNonNull(functions, "functions"), limits);
    }

    public Limits limits() {
        return limits;
    }

    public FunctionRegistry functions() {
        return functions;
    }

    /**
     * Compiles any JSON value holding IML strings (§2).
     *
     * @param path prefix of error paths, e.g. {@code webhooks.orders.output}
     * @throws ParseException on a syntax error, an unknown function, a wrong argument count or a
     *     broken limit
     */
    public CompiledTemplate compile(JsonNode template, String path) {
        return Compilation.template(template, path, functions, limits);
    }

    /** Compiles one IML string such as {@code "Hi {{body.name}}"}. */
    public CompiledTemplate compileString(String imlString, String path) {
        return Compilation.string(imlString, path, functions, limits);
    }

    /** Compiles a bare expression without braces (D4), e.g. {@code body.data}. */
    public CompiledExpression compileExpression(String expression, String path) {
        return Compilation.expression(expression, path, functions, limits);
    }
}
