package io.hookstream.webhook.pipeline;

import io.hookstream.iml.EvalContext;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.NumberValue;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import io.hookstream.webhook.respond.EncodedBody;
import io.hookstream.webhook.respond.HeaderRules;
import io.hookstream.webhook.respond.ResponseBodyEncoder;
import io.hookstream.webhook.respond.ResponseType;
import io.hookstream.webhook.spec.Directive;
import io.hookstream.webhook.spec.RespondSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Evaluates a {@code respond} directive into an {@link HttpAnswer} (§6.3 step 6, Decision D22). */
final class ResponseRenderer {

    private final ResponseBodyEncoder encoder = new ResponseBodyEncoder();

    /**
     * @throws DirectiveFailure when a part does not evaluate to something sendable
     */
    HttpAnswer render(RespondSpec spec, EvalContext context) {
        ResponseType type = type(spec.type(), context);
        int status = status(spec.status(), context);
        Directive bodyDirective = spec.body();
        EncodedBody body =
                bodyDirective == null
                        ? EncodedBody.EMPTY
                        : encoder.encode(type, DirectiveFailure.evaluate(bodyDirective, context));
        String contentType = body.contentType();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        Directive headersDirective = spec.headers();
        if (headersDirective != null) {
            for (Map.Entry<String, String> header : headers(headersDirective, context)) {
                if (header.getKey().equalsIgnoreCase("Content-Type")) {
                    contentType =
                            header.getValue(); // custom headers override the type's media type
                    // (§6.3)
                } else {
                    headers.add(header);
                }
            }
        }
        return new HttpAnswer(status, contentType, headers, body.bytes());
    }

    /**
     * The evaluated flat object as checked name/value pairs; null and undefined values are left
     * out.
     */
    private static List<Map.Entry<String, String>> headers(
            Directive directive, EvalContext context) {
        Value evaluated = DirectiveFailure.evaluate(directive, context);
        if (Values.isMissing(evaluated)) {
            return List.of();
        }
        if (evaluated.kind() != Kind.OBJECT) {
            throw new DirectiveFailure(
                    directive.path(),
                    DirectiveFailure.BAD_RESPONSE,
                    "headers must evaluate to an object, got " + evaluated.kind().description());
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, Value> header : ((ObjectValue) evaluated).props().entrySet()) {
            if (Values.isMissing(header.getValue())) {
                continue;
            }
            String value = Values.text(header.getValue());
            String problem = HeaderRules.problem(header.getKey(), value);
            if (problem != null) {
                throw new DirectiveFailure(directive.path(), DirectiveFailure.BAD_HEADER, problem);
            }
            headers.add(Map.entry(header.getKey(), value));
        }
        return headers;
    }

    private static ResponseType type(@Nullable Directive directive, EvalContext context) {
        if (directive == null) {
            return ResponseType.JSON;
        }
        Value value = DirectiveFailure.evaluate(directive, context);
        if (Values.isMissing(value)) {
            return ResponseType.JSON;
        }
        ResponseType type =
                value.kind() == Kind.TEXT ? ResponseType.fromName(Values.text(value)) : null;
        if (type == null) {
            throw new DirectiveFailure(
                    directive.path(),
                    DirectiveFailure.BAD_RESPONSE,
                    "type must be json, urlencoded or text");
        }
        return type;
    }

    /** An integer 100..999, given as a number or as digits; missing means 200. */
    private static int status(@Nullable Directive directive, EvalContext context) {
        if (directive == null) {
            return 200;
        }
        Value value = DirectiveFailure.evaluate(directive, context);
        if (Values.isMissing(value)) {
            return 200;
        }
        BigDecimal number = null;
        if (value.kind() == Kind.NUMBER) {
            number = ((NumberValue) value).value();
        } else if (value.kind() == Kind.TEXT && Values.text(value).trim().matches("[0-9]{1,4}")) {
            number = new BigDecimal(Values.text(value).trim());
        }
        if (number == null
                || number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(100)) < 0
                || number.compareTo(BigDecimal.valueOf(999)) > 0) {
            throw new DirectiveFailure(
                    directive.path(),
                    DirectiveFailure.BAD_RESPONSE,
                    "status must be an integer from 100 to 999, got " + describe(value));
        }
        return number.intValueExact();
    }

    private static String describe(Value value) {
        return value.kind() == Kind.NUMBER || value.kind() == Kind.TEXT
                ? "'" + abbreviate(Values.text(value)) + "'"
                : value.kind().description();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
