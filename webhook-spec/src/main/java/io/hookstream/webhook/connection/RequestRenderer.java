package io.hookstream.webhook.connection;

import io.hookstream.iml.EvalContext;
import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import io.hookstream.webhook.respond.HeaderRules;
import io.hookstream.webhook.spec.Directive;
import io.hookstream.webhook.spec.RequestDefaults;
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

    /** A URL with a scheme, which no base changes. */
    private static final java.util.regex.Pattern ABSOLUTE =
            java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

    private final Clock clock;

    public RequestRenderer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws RequestRenderException when a part fails to evaluate or has an unusable shape
     */
    public RenderedRequest render(RequestSpec spec, ConnectionScope scope) {
        return render(spec, scope, RequestDefaults.NONE);
    }

    /**
     * Renders {@code spec} on top of the app's {@code base}: a relative URL is resolved against
     * {@code baseUrl}, and the base's headers and query parameters come first, the request's own
     * replacing those of the same name.
     *
     * @throws RequestRenderException when a part fails to evaluate or has an unusable shape
     */
    public RenderedRequest render(RequestSpec spec, ConnectionScope scope, RequestDefaults base) {
        EvalContext context = scope.context(clock.instant());
        String url = Values.text(Evaluation.evaluate(spec.url(), context)).trim();
        Directive baseUrl = base.baseUrl();
        if (baseUrl != null && !ABSOLUTE.matcher(url).lookingAt()) {
            url = resolve(Values.text(Evaluation.evaluate(baseUrl, context)).trim(), url);
        }
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
        List<Map.Entry<String, String>> headers =
                merged(
                        flat(base.headers(), context, true),
                        flat(spec.headers(), context, true),
                        true);
        List<Map.Entry<String, String>> qs =
                merged(flat(base.qs(), context, false), flat(spec.qs(), context, false), false);
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

    /**
     * {@code https://api.test/v2} and {@code /users} (or {@code users}) make {@code
     * https://api.test/v2/users}.
     */
    private static String resolve(String baseUrl, String url) {
        if (baseUrl.isEmpty()) {
            return url;
        }
        String left = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (url.isEmpty()) {
            return left;
        }
        return left + (url.startsWith("/") || url.startsWith("?") ? url : "/" + url);
    }

    /** The base's pairs whose name the request does not use, then the request's. */
    private static List<Map.Entry<String, String>> merged(
            List<Map.Entry<String, String>> base,
            List<Map.Entry<String, String>> own,
            boolean ignoreCase) {
        if (base.isEmpty()) {
            return own;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        own.forEach(p -> names.add(ignoreCase ? p.getKey().toLowerCase(Locale.ROOT) : p.getKey()));
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (Map.Entry<String, String> pair : base) {
            if (!names.contains(
                    ignoreCase ? pair.getKey().toLowerCase(Locale.ROOT) : pair.getKey())) {
                pairs.add(pair);
            }
        }
        pairs.addAll(own);
        return pairs;
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
