package io.hookstream.webhook.pipeline;

import io.hookstream.iml.EvalContext;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import io.hookstream.webhook.request.ParsedRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Binds the variables of §6.2, E1 and D21 for one request. */
final class RequestScope {

    private RequestScope() {}

    static EvalContext context(HookScope scope, ParsedRequest request, Instant now) {
        Map<String, Value> variables = new LinkedHashMap<>();
        variables.put(
                "environment",
                Values.object(Map.of("timezone", Values.text(scope.timezone().getId()))));
        variables.put("parameters", scope.parameters());
        variables.put("data", scope.parameters());
        variables.put("common", scope.common());
        variables.put("connection", scope.connection());
        variables.put("webhook", scope.webhook());
        variables.put("body", request.body());
        variables.put("query", request.query());
        variables.put("headers", request.headers());
        variables.put("method", request.method());
        variables.put("rawBody", request.rawBody());
        // `now` is the fixed instant below, so every directive of one request sees the same time
        return EvalContext.builder()
                .variables(variables)
                .timezone(scope.timezone())
                .now(now)
                .build();
    }

    /**
     * The same variables, where {@code body}, {@code rawBody}, {@code query} and {@code headers}
     * are built the first time a directive reads them.
     */
    static EvalContext context(HookScope scope, LazyRequest request, Instant now) {
        EvalContext.Builder b =
                EvalContext.builder()
                        .variable(
                                "environment",
                                Values.object(
                                        Map.of("timezone", Values.text(scope.timezone().getId()))))
                        .variable("parameters", scope.parameters())
                        .variable("data", scope.parameters())
                        .variable("common", scope.common())
                        .variable("connection", scope.connection())
                        .variable("webhook", scope.webhook())
                        .lazyVariable("body", request::body)
                        .lazyVariable("query", () -> request.parser().query(request.request()))
                        .lazyVariable("headers", () -> request.parser().headers(request.request()))
                        .variable("method", Values.text(request.request().method()))
                        .lazyVariable("rawBody", () -> request.parser().rawBody(request.request()));
        return b.timezone(scope.timezone()).now(now).build();
    }
}
