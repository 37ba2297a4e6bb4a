package io.hookstream.webhook.connection;

import io.hookstream.iml.EvalContext;
import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import io.hookstream.webhook.respond.HeaderRules;
import io.hookstream.webhook.spec.Directive;
import io.hookstream.webhook.spec.RequestSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a request directive (connection {@code info}, {@code attach}, {@code detach}) into a
 * {@link RenderedRequest}. Sending it is the caller's job. Thread-safe.
 */
public final class RequestRenderer {

    private final Clock clock;

    public RequestRenderer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws RequestRenderException when a part fails to evaluate or has an unusable shape
     */
    public RenderedRequest render(RequestSpec spec, ConnectionScope scope) {
        EvalContext context = scope.context(clock.instant());
        String url = Values.text(Evaluation.evaluate(spec.url(), context)).trim();
        if (url.isEmpty()) {
            throw new RequestRenderException(
                    spec.url().path(), Evaluation.BAD_VALUE, "url evaluated to an empty string");
        }
        Directive methodDirective = spec.method();
        String method =
                methodDirective == null
                        ? "GET"
                        : Values.text(Evaluation.evaluate(methodDirective, context))
                                .trim()
                                .toUpperCase(Locale.ROOT);
        if (!method.matches("[A-Z]+")) {
            throw new RequestRenderException(
                    "method", Evaluation.BAD_VALUE, "method must be an HTTP method name");
        }
        List<Map.Entry<String, String>> headers = flat(spec.headers(), context, true);
        List<Map.Entry<String, String>> qs = flat(spec.qs(), context, false);
        Directive bodyDirective = spec.body();
        Value body =
                bodyDirective == null
                        ? Values.UNDEFINED
                        : Evaluation.evaluate(bodyDirective, context);
        Directive typeDirective = spec.type();
        String type =
                typeDirective == null
                        ? "json"
                        : Values.text(Evaluation.evaluate(typeDirective, context));
        return new RenderedRequest(url, method, headers, qs, body, type.isEmpty() ? "json" : type);
    }

    /** A flat object as name/value text pairs; undefined and null values are left out. */
    private static List<Map.Entry<String, String>> flat(
            @Nullable Directive directive, EvalContext context, boolean headers) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (directive == null) {
            return pairs;
        }
        Value value = Evaluation.evaluate(directive, context);
        if (Values.isMissing(value)) {
            return pairs;
        }
        if (value.kind() != Kind.OBJECT) {
            throw new RequestRenderException(
                    directive.path(),
                    Evaluation.BAD_VALUE,
                    "must evaluate to an object, got " + value.kind().description());
        }
        for (Map.Entry<String, Value> entry : ((ObjectValue) value).props().entrySet()) {
            Value item = entry.getValue();
            if (Values.isMissing(item)) {
                continue;
            }
            List<Value> values =
                    item.kind() == Kind.ARRAY && !headers
                            ? ((ArrayValue) item).items()
                            : List.of(item);
            for (Value single : values) {
                String text = Values.text(single);
                String problem = headers ? HeaderRules.problem(entry.getKey(), text) : null;
                if (problem != null) {
                    throw new RequestRenderException(
                            directive.path(), Evaluation.BAD_VALUE, problem);
                }
                pairs.add(Map.entry(entry.getKey(), text));
            }
        }
        return pairs;
    }
}
