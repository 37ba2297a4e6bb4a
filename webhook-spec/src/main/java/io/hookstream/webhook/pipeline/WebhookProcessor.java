package io.hookstream.webhook.pipeline;

import io.hookstream.iml.EvalContext;
import io.hookstream.iml.Iml;
import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import io.hookstream.webhook.request.RequestParser;
import io.hookstream.webhook.request.WebhookRequest;
import io.hookstream.webhook.signature.SignatureResult;
import io.hookstream.webhook.spec.Condition;
import io.hookstream.webhook.spec.DedupeSpec;
import io.hookstream.webhook.spec.Directive;
import io.hookstream.webhook.spec.IterateSpec;
import io.hookstream.webhook.spec.RespondSpec;
import io.hookstream.webhook.spec.SignatureSpec;
import io.hookstream.webhook.spec.VerificationSpec;
import io.hookstream.webhook.spec.WebhookSpec;
import io.hookstream.webhook.spec.WebhookType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a compiled {@link WebhookSpec} against one request (§6.3). The work is split where the
 * architecture splits it:
 *
 * <ul>
 *   <li>{@link #atEdge}: signature → verification → respond, everything the HTTP answer needs;
 *   <li>{@link #dedupe}: the key under which the router recognises a sender's retry;
 *   <li>{@link #process}: condition → iterate → output → uid, what the router does with a published
 *       request.
 * </ul>
 *
 * <p>Neither method throws: every bad input and every directive error becomes an outcome. Both are
 * thread-safe; the instance holds no per-request state.
 */
public final class WebhookProcessor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final RequestParser requestParser;
    private final HttpAnswer defaultAnswer;
    private final ResponseRenderer renderer = new ResponseRenderer();

    /**
     * A processor with the D2 default answer and a request parser whose JSON nesting cap never
     * exceeds what the engine's value model accepts.
     *
     * @param iml the engine the specs were compiled with; its limits bound request parsing
     * @param clock the source of {@code now} and of signature freshness
     */
    public WebhookProcessor(Iml iml, Clock clock) {
        this(iml, clock, RequestParser.forLimits(iml.limits()), HttpAnswer.accepted());
    }

    /**
     * @param defaultAnswer the answer when there is no {@code respond} (Decision D2: configurable
     *     per deployment)
     */
    public WebhookProcessor(
            Iml iml, Clock clock, RequestParser requestParser, HttpAnswer defaultAnswer) {
        Objects.requireNonNull(iml, "iml");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requestParser = Objects.requireNonNull(requestParser, "requestParser");
        this.defaultAnswer = Objects.requireNonNull(defaultAnswer, "defaultAnswer");
    }

    /**
     * Signature, then verification, then the response to send once the request is published. The
     * body is parsed into a value only if one of these directives reads it; the accepted outcome's
     * flags are the same either way.
     */
    public EdgeOutcome atEdge(WebhookSpec spec, HookScope scope, WebhookRequest request) {
        try {
            Instant now = clock.instant();
            LazyRequest edge = new LazyRequest(requestParser, request);
            EvalContext context = RequestScope.context(scope, edge, now);
            SignatureSpec signature = spec.signature();
            if (signature != null && applies(signature.condition(), context)) {
                SignatureResult result = SignatureStep.verify(signature, request, context, now);
                if (result instanceof SignatureResult.Invalid invalid) {
                    return new EdgeOutcome.Rejected(
                            jsonError(401, "invalid_signature", invalid.reason()),
                            invalid.reason());
                }
            }
            VerificationSpec verification = spec.verification();
            if (verification != null && applies(verification.condition(), context)) {
                return new EdgeOutcome.Handshake(answer(verification.respond(), context));
            }
            HttpAnswer answer = answer(spec.respond(), context);
            return new EdgeOutcome.Accepted(answer, edge.flags());
        } catch (DirectiveFailure failure) {
            return edgeFailure(failure);
        } catch (RuntimeException unexpected) {
            return edgeFailure(internal(unexpected));
        }
    }

    /**
     * Condition, iterate, output and (for shared webhooks) uid, for a request the edge accepted.
     */
    public ProcessingOutcome process(
            WebhookSpec spec, WebhookType type, HookScope scope, WebhookRequest request) {
        try {
            LazyRequest lazy = new LazyRequest(requestParser, request);
            EvalContext context = RequestScope.context(scope, lazy, clock.instant());
            Condition condition = spec.condition();
            if (condition != null && !holds(condition, context)) {
                return new ProcessingOutcome.Filtered(condition.test().path());
            }
            Directive output = spec.output();
            Directive uid = type == WebhookType.SHARED ? spec.uid() : null;
            Directive trigger = spec.trigger();
            IterateSpec iterate = spec.iterate();
            List<Item> items = new ArrayList<>();
            if (iterate == null) {
                addItem(
                        items,
                        0,
                        output == null ? lazy.body() : DirectiveFailure.evaluate(output, context),
                        uid,
                        trigger,
                        context);
                return new ProcessingOutcome.Items(items);
            }
            Condition keep = iterate.condition();
            int index = 0;
            for (Value element : container(iterate, context)) {
                EvalContext itemContext = context.with("item", element);
                if (keep != null && !holds(keep, itemContext)) {
                    continue;
                }
                Value value =
                        output == null ? element : DirectiveFailure.evaluate(output, itemContext);
                addItem(items, index++, value, uid, trigger, itemContext);
            }
            return new ProcessingOutcome.Items(items);
        } catch (DirectiveFailure failure) {
            return new ProcessingOutcome.Failed(
                    failure.directivePath(), failure.code(), failure.getMessage());
        } catch (RuntimeException unexpected) {
            DirectiveFailure failure = internal(unexpected);
            return new ProcessingOutcome.Failed(
                    failure.directivePath(), failure.code(), failure.getMessage());
        }
    }

    /**
     * The {@code dedupe} key of one event, evaluated with the same variables as {@link #process}
     * sees (without {@code item}: a key belongs to the whole event). The router calls it before
     * {@code process} and skips an event whose key it already holds.
     */
    public DedupeOutcome dedupe(WebhookSpec spec, HookScope scope, WebhookRequest request) {
        DedupeSpec dedupe = spec.dedupe();
        if (dedupe == null) {
            return new DedupeOutcome.None();
        }
        try {
            LazyRequest lazy = new LazyRequest(requestParser, request);
            EvalContext context = RequestScope.context(scope, lazy, clock.instant());
            Value value = DirectiveFailure.evaluate(dedupe.key(), context);
            // a provider that sends no delivery id (or an older API version) is not deduplicated
            String key = Values.isMissing(value) ? "" : Values.text(value);
            return key.isEmpty()
                    ? new DedupeOutcome.None()
                    : new DedupeOutcome.Key(key, dedupe.window());
        } catch (DirectiveFailure failure) {
            return new DedupeOutcome.Failed(
                    failure.directivePath(), failure.code(), failure.getMessage());
        } catch (RuntimeException unexpected) {
            DirectiveFailure failure = internal(unexpected);
            return new DedupeOutcome.Failed(
                    failure.directivePath(), failure.code(), failure.getMessage());
        }
    }

    /**
     * D14/D19: a null or undefined output is no bundle. D11: the uid is evaluated per item, for
     * shared webhooks only ({@code uid} is null otherwise), and kept as text. §6.6: the instant
     * trigger's output, if any, turns each bundle (bound as {@code payload}) into the trigger's.
     */
    private static void addItem(
            List<Item> items,
            int index,
            Value webhookOutput,
            @Nullable Directive uid,
            @Nullable Directive trigger,
            EvalContext context) {
        if (Values.isMissing(webhookOutput)) {
            return;
        }
        Value output =
                trigger == null
                        ? webhookOutput
                        : DirectiveFailure.evaluate(
                                trigger, context.with("payload", webhookOutput));
        if (Values.isMissing(output)) {
            return;
        }
        String key = null;
        if (uid != null) {
            Value value = DirectiveFailure.evaluate(uid, context);
            key = Values.isMissing(value) ? null : Values.text(value);
        }
        items.add(new Item(index, output, key));
    }

    /**
     * D4: an array; null or undefined is no items; anything else is an error at the directive's
     * path.
     */
    private static List<Value> container(IterateSpec iterate, EvalContext context) {
        Directive directive = iterate.container();
        Value value = DirectiveFailure.evaluate(directive, context);
        if (Values.isMissing(value)) {
            return List.of();
        }
        if (value.kind() != Kind.ARRAY) {
            throw new DirectiveFailure(
                    directive.path(),
                    DirectiveFailure.NOT_AN_ARRAY,
                    "iterate must evaluate to an array, got " + value.kind().description());
        }
        return ((ArrayValue) value).items();
    }

    /** An absent condition always applies (D3 for verification). */
    private static boolean applies(@Nullable Condition condition, EvalContext context) {
        return condition == null || holds(condition, context);
    }

    /** The rendered {@code respond}, or the default answer without one (D2). */
    private HttpAnswer answer(@Nullable RespondSpec respond, EvalContext context) {
        return respond == null ? defaultAnswer : renderer.render(respond, context);
    }

    /** D5 truthiness; an undefined result takes the condition's declared default. */
    private static boolean holds(Condition condition, EvalContext context) {
        Value value = DirectiveFailure.evaluate(condition.test(), context);
        return Values.isUndefined(value) ? condition.whenUndefined() : Values.truthy(value);
    }

    private static DirectiveFailure internal(RuntimeException unexpected) {
        return new DirectiveFailure("", DirectiveFailure.INTERNAL, String.valueOf(unexpected));
    }

    private static EdgeOutcome.Failed edgeFailure(DirectiveFailure failure) {
        // the body names the directive and code only: messages may quote request or secret data
        ObjectNode body =
                JSON.createObjectNode()
                        .put("error", "webhook_failed")
                        .put("code", failure.code())
                        .put("path", failure.directivePath());
        HttpAnswer answer =
                new HttpAnswer(500, "application/json", List.of(), JSON.writeValueAsBytes(body));
        return new EdgeOutcome.Failed(
                answer, failure.directivePath(), failure.code(), failure.getMessage());
    }

    private static HttpAnswer jsonError(int status, String error, String message) {
        JsonNode body = JSON.createObjectNode().put("error", error).put("message", message);
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return new HttpAnswer(status, "application/json", List.of(), bytes);
    }
}
