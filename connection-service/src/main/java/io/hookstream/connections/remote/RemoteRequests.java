package io.hookstream.connections.remote;

import io.hookstream.connections.remote.RemoteFailure.Reason;
import io.hookstream.iml.value.Values;
import io.hookstream.support.outbound.DestinationNotAllowedException;
import io.hookstream.support.outbound.OutboundGuard;
import io.hookstream.webhook.connection.ConnectionCheck;
import io.hookstream.webhook.connection.ConnectionResponse;
import io.hookstream.webhook.connection.ConnectionScope;
import io.hookstream.webhook.connection.LogSanitizer;
import io.hookstream.webhook.connection.RenderedRequest;
import io.hookstream.webhook.connection.RequestRenderException;
import io.hookstream.webhook.connection.RequestRenderer;
import io.hookstream.webhook.connection.ResponseEvaluator;
import io.hookstream.webhook.request.Headers;
import io.hookstream.webhook.request.RequestParser;
import io.hookstream.webhook.respond.EncodedBody;
import io.hookstream.webhook.respond.ResponseBodyEncoder;
import io.hookstream.webhook.respond.ResponseType;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.RequestDefaults;
import io.hookstream.webhook.spec.RequestSpec;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Executes an app's request directives (connection {@code info}, {@code attach}, {@code detach})
 * over real HTTP: renders the directive, sends it with bounded connect time, answer time and answer
 * size, and interprets the response block (§7).
 *
 * <p>Each request is logged once: at INFO a summary (ids, method, URL without its query, status,
 * size, outcome), at DEBUG the whole exchange with the app's {@code log.sanitize} paths masked.
 * Every logged text and every failure message also passes a {@link Redactor}, so the connection's
 * data and the app's {@code common} never show, wherever a provider or a template echoes them.
 * Thread-safe.
 */
public final class RemoteRequests {

    private static final Logger log = LoggerFactory.getLogger(RemoteRequests.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] NO_BODY = new byte[0];

    private final WebClient client;
    private final RequestRenderer renderer;
    private final ResponseEvaluator evaluator;
    private final RequestParser parser = new RequestParser();
    private final ResponseBodyEncoder encoder = new ResponseBodyEncoder();
    private final Duration deadline;

    /**
     * @param guard where requests may go: the destination of every connection and redirect is
     *     checked after name resolution
     */
    public RemoteRequests(RemoteLimits limits, OutboundGuard guard, Clock clock) {
        HttpClient http =
                guard.apply(
                        HttpClient.create()
                                .option(
                                        ChannelOption.CONNECT_TIMEOUT_MILLIS,
                                        Math.toIntExact(limits.connectTimeout().toMillis()))
                                .responseTimeout(limits.responseTimeout()));
        this.client =
                WebClient.builder()
                        .clientConnector(new ReactorClientHttpConnector(http))
                        .codecs(
                                codecs ->
                                        codecs.defaultCodecs()
                                                .maxInMemorySize(
                                                        Math.toIntExact(
                                                                limits.maxResponseSize()
                                                                        .toBytes())))
                        .build();
        this.renderer = new RequestRenderer(clock);
        this.evaluator = new ResponseEvaluator(clock);
        // the response timeout runs between reads, so a provider dripping bytes needs an overall
        // bound too
        this.deadline = limits.connectTimeout().plus(limits.responseTimeout());
    }

    /**
     * The answer to a request whose response was read.
     *
     * @param status the remote HTTP status
     * @param check the response block's verdict (validity by status when there is no block)
     * @param redactor masks this exchange's secrets; use it on anything derived from the answer
     */
    public record Outcome(int status, ConnectionCheck check, Redactor redactor) {}

    /**
     * Renders and sends {@code spec} (a request directive of {@code app}), then interprets its
     * {@code response} block.
     *
     * @return the outcome, or an error {@link RemoteFailure} when no usable answer came
     */
    public Mono<Outcome> call(
            CallContext context, AppDefinition app, RequestSpec spec, ConnectionScope scope) {
        return exchange(context, app.base(), spec, scope, sanitizer(app), true);
    }

    /**
     * Renders and sends {@code spec} without interpreting the answer (detach is a plain request,
     * §6.5); the outcome's check is validity by status.
     */
    public Mono<Outcome> send(
            CallContext context, AppDefinition app, RequestSpec spec, ConnectionScope scope) {
        return exchange(context, app.base(), spec, scope, sanitizer(app), false);
    }

    /**
     * The app's {@code log.sanitize} paths (its connection's and its base's) apply to its info,
     * attach and detach requests alike.
     */
    private static LogSanitizer sanitizer(AppDefinition app) {
        return new LogSanitizer(app.logSanitize());
    }

    private Mono<Outcome> exchange(
            CallContext context,
            RequestDefaults base,
            RequestSpec spec,
            ConnectionScope scope,
            LogSanitizer sanitizer,
            boolean interpret) {
        return Mono.defer(
                () -> {
                    Redactor declared =
                            Redactor.ofLeaves(
                                    Values.toJson(scope.data()), Values.toJson(scope.common()));
                    Prepared prepared;
                    try {
                        prepared = prepare(spec, scope, base);
                    } catch (RequestRenderException e) {
                        return Mono.error(
                                failed(
                                        context,
                                        new RemoteFailure(
                                                Reason.RENDER,
                                                declared.redact(
                                                        "the "
                                                                + context.action()
                                                                + " request could not be built: "
                                                                + e.getMessage()),
                                                e.directivePath(),
                                                e.code())));
                    }
                    ObjectNode exchangeLog = NODES.objectNode();
                    exchangeLog.set("request", requestLog(prepared.rendered()));
                    Redactor redactor =
                            declared.withMasked(exchangeLog, sanitizer.sanitize(exchangeLog));
                    String target = redactor.redact(withoutQuery(prepared.rendered().url()));
                    long started = System.nanoTime();
                    WebClient.RequestBodySpec request =
                            client.method(HttpMethod.valueOf(prepared.rendered().method()))
                                    .uri(prepared.uri())
                                    .headers(headers -> writeHeaders(headers, prepared));
                    byte[] body = prepared.body().bytes();
                    // no body at all rather than an empty one: some APIs refuse a GET with
                    // Content-Length
                    return (body.length == 0 ? request : request.bodyValue(body))
                            .exchangeToMono(
                                    response ->
                                            response.bodyToMono(byte[].class)
                                                    .defaultIfEmpty(NO_BODY)
                                                    .map(
                                                            bytes ->
                                                                    new Raw(
                                                                            response.statusCode()
                                                                                    .value(),
                                                                            headers(
                                                                                    response.headers()
                                                                                            .asHttpHeaders()),
                                                                            bytes)))
                            .timeout(deadline)
                            .onErrorMap(
                                    error -> !(error instanceof RemoteFailure),
                                    error ->
                                            failed(
                                                    context,
                                                    transportFailure(
                                                            context, target, error, redactor)))
                            .map(
                                    raw ->
                                            answered(
                                                    context,
                                                    base,
                                                    spec,
                                                    scope,
                                                    sanitizer,
                                                    interpret,
                                                    prepared,
                                                    exchangeLog,
                                                    redactor,
                                                    target,
                                                    raw,
                                                    started));
                });
    }

    private Outcome answered(
            CallContext context,
            RequestDefaults base,
            RequestSpec spec,
            ConnectionScope scope,
            LogSanitizer sanitizer,
            boolean interpret,
            Prepared prepared,
            ObjectNode exchangeLog,
            Redactor requestRedactor,
            String target,
            Raw raw,
            long started) {
        ConnectionResponse response =
                ConnectionResponse.of(raw.status(), raw.headers(), raw.body(), parser);
        exchangeLog.set("response", responseLog(response));
        Redactor redactor =
                requestRedactor.withMasked(exchangeLog, sanitizer.sanitize(exchangeLog));
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (log.isDebugEnabled()) {
            log.debug(
                    "event=remote_exchange {} exchange={}",
                    context.logIds(),
                    redactor.redact(sanitizer.sanitize(exchangeLog).toString()));
        }
        ConnectionCheck check;
        try {
            check =
                    evaluator.evaluate(
                            interpret ? spec.response() : null, response, scope, base.error());
        } catch (RequestRenderException e) {
            RemoteFailure failure =
                    new RemoteFailure(
                            Reason.EVALUATION,
                            redactor.redact(
                                    "the "
                                            + context.action()
                                            + " response (status "
                                            + raw.status()
                                            + ") could not be interpreted: "
                                            + e.getMessage()),
                            e.directivePath(),
                            e.code());
            throw failed(context, failure);
        }
        if (!interpret) {
            log.info(
                    "event=remote_call {} method={} url={} status={} response_bytes={} duration_ms={}",
                    context.logIds(),
                    prepared.rendered().method(),
                    target,
                    raw.status(),
                    raw.body().length,
                    millis);
        } else if (check.valid()) {
            log.info(
                    "event=remote_call {} method={} url={} status={} response_bytes={} duration_ms={} valid=true{}",
                    context.logIds(),
                    prepared.rendered().method(),
                    target,
                    raw.status(),
                    raw.body().length,
                    millis,
                    check.uid() == null ? "" : " uid=" + redactor.redact(check.uid()));
        } else {
            log.info(
                    "event=remote_call {} method={} url={} status={} response_bytes={} duration_ms={} valid=false error_type={} "
                            + "error=\"{}\"",
                    context.logIds(),
                    prepared.rendered().method(),
                    target,
                    raw.status(),
                    raw.body().length,
                    millis,
                    check.errorType(),
                    redactor.redact(String.valueOf(check.errorMessage())));
        }
        return new Outcome(raw.status(), check, redactor);
    }

    private static RemoteFailure failed(CallContext context, RemoteFailure failure) {
        log.warn(
                "event=remote_call_failed {} reason={} detail=\"{}\"",
                context.logIds(),
                failure.reason().label(),
                failure.getMessage());
        return failure;
    }

    private static RemoteFailure transportFailure(
            CallContext context, String target, Throwable error, Redactor redactor) {
        String what = "the " + context.action() + " request to " + target;
        DestinationNotAllowedException refused = cause(error, DestinationNotAllowedException.class);
        if (refused != null) {
            // the host only: neither the address it resolved to nor the range is the caller's to
            // know
            return new RemoteFailure(
                    Reason.DESTINATION_NOT_ALLOWED,
                    redactor.redact(
                            what
                                    + " was not sent: "
                                    + refused.host()
                                    + " is not an allowed destination (hookstream.outbound.allow)"),
                    null,
                    null,
                    redactor.redact(refused.host()));
        }
        if (hasCause(error, DataBufferLimitException.class)) {
            return new RemoteFailure(
                    Reason.TOO_LARGE,
                    what + " was answered with more bytes than allowed",
                    null,
                    null);
        }
        if (hasCause(error, TimeoutException.class)
                || hasCause(error, ConnectTimeoutException.class)
                || hasCause(error, ReadTimeoutException.class)) {
            return new RemoteFailure(Reason.TIMEOUT, what + " got no answer in time", null, null);
        }
        return new RemoteFailure(
                Reason.UNREACHABLE,
                redactor.redact(what + " failed: " + rootMessage(error)),
                null,
                null);
    }

    private Prepared prepare(RequestSpec spec, ConnectionScope scope, RequestDefaults base) {
        RenderedRequest rendered = renderer.render(spec, scope, base);
        URI uri;
        try {
            uri = new URI(rendered.urlWithQuery());
        } catch (URISyntaxException e) {
            throw new RequestRenderException(
                    "url", "WEBHOOK-REQUEST", "url is not a valid URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new RequestRenderException(
                    "url", "WEBHOOK-REQUEST", "url must be an absolute http or https URL");
        }
        ResponseType type = ResponseType.fromName(rendered.type());
        if (type == null) {
            throw new RequestRenderException(
                    "type", "WEBHOOK-REQUEST", "type must be json, urlencoded or text");
        }
        return new Prepared(rendered, uri, encoder.encode(type, rendered.body()));
    }

    private static void writeHeaders(HttpHeaders headers, Prepared prepared) {
        String contentType = prepared.body().contentType();
        if (contentType != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        }
        for (Map.Entry<String, String> header : prepared.rendered().headers()) {
            // a Content-Type from the directive wins over the one its body type implies
            if (header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                headers.set(HttpHeaders.CONTENT_TYPE, header.getValue());
            } else {
                headers.add(header.getKey(), header.getValue());
            }
        }
    }

    private static Headers headers(HttpHeaders http) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        http.forEach(
                (name, values) -> values.forEach(value -> entries.add(Map.entry(name, value))));
        return Headers.of(entries);
    }

    private static ObjectNode requestLog(RenderedRequest rendered) {
        ObjectNode request = NODES.objectNode();
        request.put("method", rendered.method());
        request.put("url", rendered.url());
        request.set("headers", pairs(rendered.headers()));
        request.set("qs", pairs(rendered.qs()));
        if (!Values.isUndefined(rendered.body())) {
            request.set("body", Values.toJson(rendered.body()));
        }
        return request;
    }

    private static ObjectNode responseLog(ConnectionResponse response) {
        ObjectNode logged = NODES.objectNode();
        logged.put("status", response.status());
        ObjectNode headers = NODES.objectNode();
        response.headers()
                .asMap()
                .forEach((name, values) -> headers.put(name, String.join(", ", values)));
        logged.set("headers", headers);
        if (!Values.isUndefined(response.body())) {
            logged.set("body", Values.toJson(response.body()));
        }
        return logged;
    }

    /**
     * Name/value pairs as an object; a repeated name becomes an array, as the sanitizer walks
     * arrays.
     */
    private static ObjectNode pairs(List<Map.Entry<String, String>> pairs) {
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, String> pair : pairs) {
            JsonNode existing = object.get(pair.getKey());
            if (existing == null) {
                object.put(pair.getKey(), pair.getValue());
            } else if (existing.isArray()) {
                ((ArrayNode) existing).add(pair.getValue());
            } else {
                object.set(pair.getKey(), NODES.arrayNode().add(existing).add(pair.getValue()));
            }
        }
        return object;
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        return cause(error, type) != null;
    }

    private static <T extends Throwable> @Nullable T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private record Prepared(RenderedRequest rendered, URI uri, EncodedBody body) {}

    private record Raw(int status, Headers headers, byte[] body) {}
}
