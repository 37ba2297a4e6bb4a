package io.hookstream.webhook.connection;

import io.hookstream.iml.EvalContext;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import io.hookstream.webhook.spec.Directive;
import io.hookstream.webhook.spec.MetadataSpec;
import io.hookstream.webhook.spec.ResponseSpec;
import io.hookstream.webhook.spec.ValidSpec;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Interprets a response with a request directive's {@code response} block (§7): validity, uid,
 * metadata, data and the error message and type. Thread-safe.
 */
public final class ResponseEvaluator {

    static final String DEFAULT_ERROR_MESSAGE = "Response marked as invalid.";
    static final String DEFAULT_ERROR_TYPE = "RuntimeError";

    private final Clock clock;

    public ResponseEvaluator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Evaluates {@code spec} (may be {@code null}: validity then follows the status) against {@code
     * response}, with {@code body}, {@code headers} and {@code statusCode} bound besides the scope.
     *
     * @throws RequestRenderException when a directive fails to evaluate
     */
    public ConnectionCheck evaluate(
            @Nullable ResponseSpec spec, ConnectionResponse response, ConnectionScope scope) {
        return evaluate(spec, response, scope, null);
    }

    /**
     * As {@link #evaluate(ResponseSpec, ConnectionResponse, ConnectionScope)}, where the app's base
     * {@code response.error} ({@code baseError}, may be {@code null}) gives the message and type
     * that the request's own block does not.
     *
     * @throws RequestRenderException when a directive fails to evaluate
     */
    public ConnectionCheck evaluate(
            @Nullable ResponseSpec spec,
            ConnectionResponse response,
            ConnectionScope scope,
            @Nullable Directive baseError) {
        EvalContext context =
                scope.context(clock.instant())
                        .rebuild()
                        .variable("body", response.body())
                        .variable("headers", response.headersValue())
                        .variable("statusCode", Values.number(response.status()))
                        .build();
        boolean statusOk = response.status() >= 200 && response.status() <= 399;
        ValidSpec validSpec = spec == null ? null : spec.valid();
        boolean valid =
                validSpec == null
                        ? statusOk
                        : Values.truthy(Evaluation.evaluate(validSpec.condition(), context));
        if (!valid) {
            Value error =
                    spec == null || spec.error() == null
                            ? Values.UNDEFINED
                            : Evaluation.evaluate(spec.error(), context);
            Value fallback =
                    baseError == null ? Values.UNDEFINED : Evaluation.evaluate(baseError, context);
            String status = Integer.toString(response.status());
            Value byStatus = property(error, status);
            Value baseByStatus = property(fallback, status);
            String message =
                    firstText(
                            validSpec == null ? null : validSpec.message(),
                            context,
                            DEFAULT_ERROR_MESSAGE,
                            property(byStatus, "message"),
                            property(error, "message"),
                            property(baseByStatus, "message"),
                            property(fallback, "message"));
            String type =
                    firstText(
                            validSpec == null ? null : validSpec.type(),
                            context,
                            DEFAULT_ERROR_TYPE,
                            property(byStatus, "type"),
                            property(error, "type"),
                            property(baseByStatus, "type"),
                            property(fallback, "type"));
            return new ConnectionCheck(null, false, message, type, null, null);
        }
        if (spec == null) {
            return new ConnectionCheck(null, true, null, null, null, null);
        }
        String uid = null;
        if (spec.uid() != null) {
            Value value = Evaluation.evaluate(spec.uid(), context);
            uid = Values.isMissing(value) ? null : Values.text(value);
        }
        ConnectionCheck.Metadata metadata = null;
        MetadataSpec metadataSpec = spec.metadata();
        if (metadataSpec != null) {
            String label = Values.text(Evaluation.evaluate(metadataSpec.value(), context));
            metadata = new ConnectionCheck.Metadata(metadataSpec.type(), label);
        }
        Value data =
                spec.data() == null ? Values.UNDEFINED : Evaluation.evaluate(spec.data(), context);
        Value temp =
                spec.temp() == null ? Values.UNDEFINED : Evaluation.evaluate(spec.temp(), context);
        return new ConnectionCheck(
                uid,
                true,
                null,
                null,
                metadata,
                Values.isUndefined(data) ? null : Values.toJson(data),
                Values.isUndefined(temp) ? null : Values.toJson(temp));
    }

    /**
     * The first of: the directive's value, then the given values, that is not empty; else {@code
     * fallback}.
     */
    private static String firstText(
            @Nullable Directive directive, EvalContext context, String fallback, Value... values) {
        if (directive != null) {
            Value value = Evaluation.evaluate(directive, context);
            if (present(value)) {
                return Values.text(value);
            }
        }
        for (Value value : values) {
            if (present(value)) {
                return Values.text(value);
            }
        }
        return fallback;
    }

    private static boolean present(Value value) {
        return !Values.isMissing(value) && !Values.text(value).isEmpty();
    }

    private static Value property(Value value, String key) {
        if (value.kind() != Kind.OBJECT) {
            return Values.UNDEFINED;
        }
        Value property = ((ObjectValue) value).get(key);
        return property == null ? Values.UNDEFINED : property;
    }
}
