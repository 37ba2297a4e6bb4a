package io.hookstream.webhook.spec;

import io.hookstream.iml.CompiledExpression;
import io.hookstream.iml.CompiledTemplate;
import io.hookstream.iml.EvalContext;
import io.hookstream.iml.value.Value;
import java.util.Objects;
import java.util.function.Function;

/**
 * One compiled directive value together with its path inside the webhook spec (e.g. {@code output}
 * or {@code verification.condition}), so that a runtime error can name where it happened. Immutable
 * and thread-safe, like the compiled IML it wraps.
 */
public final class Directive {

    private final String path;
    private final Function<EvalContext, Value> evaluation;

    private Directive(String path, Function<EvalContext, Value> evaluation) {
        this.path = Objects.requireNonNull(path, "path");
        this.evaluation = evaluation;
    }

    /** A JSON template: any JSON value whose strings may hold {@code {{…}}} expressions. */
    public static Directive template(String path, CompiledTemplate template) {
        Objects.requireNonNull(template, "template");
        return new Directive(path, template::evaluate);
    }

    /** A bare expression without braces, as Decision D4 allows for {@code iterate}. */
    public static Directive expression(String path, CompiledExpression expression) {
        Objects.requireNonNull(expression, "expression");
        return new Directive(path, expression::evaluate);
    }

    /** The directive path relative to its spec, e.g. {@code respond.status}. */
    public String path() {
        return path;
    }

    /**
     * Evaluates the directive.
     *
     * @throws io.hookstream.iml.ImlException on an evaluation error; its {@code path()} names the
     *     failing value inside this directive when the engine knows it
     */
    public Value evaluate(EvalContext context) {
        return evaluation.apply(context);
    }

    @Override
    public String toString() {
        return "Directive[" + path + "]";
    }
}
