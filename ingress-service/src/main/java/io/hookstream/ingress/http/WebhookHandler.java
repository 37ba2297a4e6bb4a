package io.hookstream.ingress.http;

import io.hookstream.ingress.IngressSettings;
import io.hookstream.ingress.hooks.HookDirectory;
import io.hookstream.ingress.hooks.Resolution;
import io.hookstream.ingress.limits.RateLimiter;
import io.hookstream.ingress.publish.EventIds;
import io.hookstream.ingress.publish.RawEventKeys;
import io.hookstream.ingress.publish.RawEventPublisher;
import io.hookstream.ingress.requests.ReceivedRequest;
import io.hookstream.ingress.requests.Refusal;
import io.hookstream.ingress.requests.RequestLog;
import io.hookstream.ingress.requests.RequestTarget;
import io.hookstream.ingress.shutdown.Draining;
import io.hookstream.schemas.avro.Header;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.webhook.pipeline.EdgeOutcome;
import io.hookstream.webhook.pipeline.WebhookProcessor;
import io.hookstream.webhook.request.Headers;
import io.hookstream.webhook.request.WebhookRequest;
import io.hookstream.webhook.spec.AppLimits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The edge pipeline of one webhook request: resolve the URL, read the body within the size limit,
 * run the spec's edge directives, publish the raw event and answer only once the broker
 * acknowledged it. Handshakes and refused requests are answered without publishing anything, and go
 * to the request log instead, as does a request whose event could not be stored.
 */
@Component
class WebhookHandler {

    private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);

    private final HookDirectory directory;
    private final WebhookProcessor processor;
    private final RawEventPublisher publisher;
    private final EventIds eventIds;
    private final IngressSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final RateLimiter limiter;
    private final EventLoopSchedulers eventLoops;
    private final RawEventKeys keys;
    private final RequestLog requestLog;
    private final Draining draining;
    private final String lateBody;
    private final Mono<byte[]> bodyTimedOut;
    // one counter per outcome, found once rather than looked up by name and tags for every request
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

    WebhookHandler(
            HookDirectory directory,
            WebhookProcessor processor,
            RawEventPublisher publisher,
            EventIds eventIds,
            IngressSettings settings,
            Clock clock,
            MeterRegistry meters,
            RateLimiter limiter,
            EventLoopSchedulers eventLoops,
            RawEventKeys keys,
            RequestLog requestLog,
            Draining draining) {
        this.keys = keys;
        this.draining = draining;
        this.requestLog = requestLog;
        this.limiter = limiter;
        this.eventLoops = eventLoops;
        this.directory = directory;
        this.processor = processor;
        this.publisher = publisher;
        this.eventIds = eventIds;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.lateBody = "the body did not arrive within " + settings.readTimeout();
        this.bodyTimedOut = Mono.error(() -> new TimeoutException(lateBody));
    }

    Mono<ServerResponse> dedicated(ServerRequest request) {
        String hookId = request.pathVariable("hookId");
        return directory
                .dedicated(hookId)
                .flatMap(
                        resolution ->
                                handle(
                                        request,
                                        resolution,
                                        hookId,
                                        RequestTarget.dedicated(hookId)));
    }

    Mono<ServerResponse> shared(ServerRequest request) {
        String appId = request.pathVariable("appId");
        String webhookName = request.pathVariable("webhookName");
        return directory
                .shared(appId, webhookName)
                .flatMap(
                        resolution ->
                                handle(
                                        request,
                                        resolution,
                                        appId,
                                        RequestTarget.shared(appId, webhookName)));
    }

    private Mono<ServerResponse> handle(
            ServerRequest request, Resolution resolution, String target, RequestTarget address) {
        if (draining.isDraining()) {
            // a request that reaches a stopping ingress is not taken: see Draining
            count("draining");
            logRefused(
                    request, address, null, Refusal.of(503, "draining", "the ingress is stopping"));
            return Answers.draining(settings.retryAfter());
        }
        if (resolution instanceof Resolution.Missing missing) {
            count("unknown");
            logRefused(request, address, null, Refusal.of(404, "not_found", missing.detail()));
            return Answers.refused(HttpStatus.NOT_FOUND, missing.detail());
        }
        if (resolution instanceof Resolution.Gone gone) {
            count("gone");
            logRefused(request, address.asKnown(), null, Refusal.of(410, "gone", gone.detail()));
            return Answers.refused(HttpStatus.GONE, gone.detail());
        }
        if (resolution instanceof Resolution.Broken broken) {
            count("broken");
            log.error("event=app_unloadable app={} reason=\"{}\"", broken.appId(), broken.detail());
            logRefused(
                    request,
                    address.asKnown(),
                    null,
                    Refusal.of(500, "app_unloadable", broken.detail()));
            return Answers.refused(
                    HttpStatus.INTERNAL_SERVER_ERROR, "the app definition cannot be loaded");
        }
        Resolution.Found found = (Resolution.Found) resolution;
        RequestTarget logged =
                address.found(found.appId(), found.webhookName(), found.logSanitize());
        List<Map.Entry<String, String>> headerList = WireHeaders.of(request);
        if (headerList.size() > settings.maxHeaders()) {
            count("too_many_headers");
            String reason = "more than " + settings.maxHeaders() + " header fields";
            logRefused(
                    request,
                    logged,
                    null,
                    Refusal.of(431, "headers_too_large", reason),
                    headerList.subList(0, settings.maxHeaders()));
            return Answers.refused(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, reason);
        }
        AppLimits.RateLimit rate = found.limits().rateLimit();
        RateLimiter.Decision decision =
                rate != null
                        ? limiter.acquire(found.limitKey(), rate.requests(), rate.period())
                        : limiter.acquire(
                                found.limitKey(),
                                settings.rateLimitRequests(),
                                settings.rateLimitPeriod());
        if (!decision.allowed()) {
            count("rate_limited");
            logRefused(
                    request,
                    logged,
                    null,
                    Refusal.of(429, "rate_limited", "rate limit of this webhook exceeded"),
                    headerList);
            return Answers.tooManyRequests(decision.retryAfterSeconds());
        }
        Long appMaxBody = found.limits().maxBodyBytes();
        long limit = appMaxBody != null ? appMaxBody : settings.maxBodySize().toBytes();
        OptionalLong declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            count("too_large");
            String reason = "body larger than " + limit + " bytes";
            logRefused(request, logged, null, Refusal.of(413, "too_large", reason), headerList);
            return Answers.refused(HttpStatus.CONTENT_TOO_LARGE, reason);
        }
        Instant receivedAt = clock.instant();
        Scheduler eventLoop = eventLoops.of(request);
        return RequestBodies.read(request, limit)
                // with a fallback, Reactor does not name the operator chain for its own timeout
                // message on every request
                .timeout(settings.readTimeout(), bodyTimedOut, eventLoop)
                .flatMap(
                        body ->
                                process(
                                        request,
                                        found,
                                        headerList,
                                        body,
                                        receivedAt,
                                        target,
                                        logged,
                                        eventLoop))
                .onErrorResume(
                        DataBufferLimitException.class,
                        e -> {
                            count("too_large");
                            String reason = "body larger than " + limit + " bytes";
                            logRefused(
                                    request,
                                    logged,
                                    null,
                                    Refusal.of(413, "too_large", reason),
                                    headerList);
                            return Answers.refused(HttpStatus.CONTENT_TOO_LARGE, reason);
                        })
                .onErrorResume(
                        TimeoutException.class,
                        e -> {
                            count("read_timeout");
                            logRefused(
                                    request,
                                    logged,
                                    null,
                                    Refusal.of(408, "timeout", lateBody),
                                    headerList);
                            return Answers.refused(HttpStatus.REQUEST_TIMEOUT, lateBody);
                        });
    }

    private Mono<ServerResponse> process(
            ServerRequest request,
            Resolution.Found found,
            List<Map.Entry<String, String>> headerList,
            byte[] body,
            Instant receivedAt,
            String target,
            RequestTarget logged,
            Scheduler eventLoop) {
        Headers headers = Headers.of(headerList);
        String rawQuery = request.uri().getRawQuery() == null ? "" : request.uri().getRawQuery();
        String contentType = headers.first("content-type");
        WebhookRequest webhookRequest =
                new WebhookRequest(
                        request.method().name(),
                        request.path(),
                        headers,
                        rawQuery,
                        contentType,
                        body,
                        receivedAt);

        EdgeOutcome outcome =
                processor.atEdge(found.webhook().spec(), found.scope(), webhookRequest);
        if (outcome instanceof EdgeOutcome.Handshake) {
            count("handshake");
            log.info(
                    "event=handshake target={} app={} webhook={}",
                    target,
                    found.appId(),
                    found.webhookName());
            logRefused(
                    request,
                    logged,
                    body,
                    Refusal.of(outcome.answer().status(), "handshake", null),
                    headerList);
            return Answers.of(outcome.answer());
        }
        if (outcome instanceof EdgeOutcome.Rejected rejected) {
            count("rejected");
            log.warn(
                    "event=signature_rejected target={} app={} reason=\"{}\"",
                    target,
                    found.appId(),
                    rejected.reason());
            logRefused(
                    request,
                    logged,
                    body,
                    Refusal.of(outcome.answer().status(), "signature_refused", rejected.reason()),
                    headerList);
            return Answers.of(outcome.answer());
        }
        if (outcome instanceof EdgeOutcome.Failed failed) {
            count("failed");
            log.warn(
                    "event=edge_evaluation_failed target={} app={} path={} code={}",
                    target,
                    found.appId(),
                    failed.directivePath(),
                    failed.code());
            logRefused(
                    request,
                    logged,
                    body,
                    new Refusal(
                            outcome.answer().status(),
                            "edge_error",
                            failed.code() + ": " + failed.message(),
                            failed.directivePath(),
                            null),
                    headerList);
            return Answers.of(outcome.answer());
        }
        RawWebhookEvent event =
                rawEvent(
                        request,
                        found,
                        webhookRequest,
                        headerList,
                        ((EdgeOutcome.Accepted) outcome).flags());
        return publisher
                .publish(keys.keyOf(event), event, eventLoop)
                .flatMap(
                        ack -> {
                            count("accepted");
                            log.debug(
                                    "event=accepted event_id={} target={} partition={} offset={}",
                                    event.getEventId(),
                                    target,
                                    ack.partition(),
                                    ack.offset());
                            return Answers.accepted(outcome.answer(), event.getEventId());
                        })
                .onErrorResume(
                        e -> {
                            count("unavailable");
                            log.warn(
                                    "event=publish_failed event_id={} target={} reason=\"{}\"",
                                    event.getEventId(),
                                    target,
                                    e.toString());
                            logRefused(
                                    request,
                                    logged,
                                    body,
                                    new Refusal(
                                            503,
                                            "unavailable",
                                            "the event could not be stored: " + e.getMessage(),
                                            null,
                                            event.getEventId()),
                                    headerList);
                            return Answers.unavailable(
                                    settings.retryAfter(),
                                    "the event could not be stored; retry later");
                        });
    }

    private RawWebhookEvent rawEvent(
            ServerRequest request,
            Resolution.Found found,
            WebhookRequest webhookRequest,
            List<Map.Entry<String, String>> headerList,
            java.util.Set<String> flags) {
        List<Header> headers = new ArrayList<>(headerList.size());
        for (Map.Entry<String, String> h : headerList) {
            headers.add(new Header(h.getKey(), h.getValue()));
        }
        return RawWebhookEvent.newBuilder()
                .setEventId(eventIds.next())
                .setReceivedAt(webhookRequest.receivedAt())
                .setKind(found.hook() != null ? WebhookKind.DEDICATED : WebhookKind.SHARED)
                .setHookId(found.hook() != null ? found.hook().getHookId() : null)
                .setAppId(found.appId())
                .setWebhookName(found.webhookName())
                .setMethod(webhookRequest.method())
                .setPath(webhookRequest.path())
                .setQuery(webhookRequest.rawQuery())
                .setHeaders(headers)
                .setContentType(webhookRequest.contentType())
                .setBody(ByteBuffer.wrap(webhookRequest.body()))
                .setFlags(flags.stream().sorted().toList())
                .setRemoteAddress(remoteAddress(request))
                .build();
    }

    private static @Nullable String remoteAddress(ServerRequest request) {
        return request.remoteAddress()
                .map(
                        a ->
                                a.getAddress() == null
                                        ? a.getHostString()
                                        : a.getAddress().getHostAddress())
                .orElse(null);
    }

    private void logRefused(
            ServerRequest request, RequestTarget target, byte @Nullable [] body, Refusal refusal) {
        logRefused(request, target, body, refusal, WireHeaders.of(request));
    }

    /** Hands a request answered without an accepted event to the request log; never waits. */
    private void logRefused(
            ServerRequest request,
            RequestTarget target,
            byte @Nullable [] body,
            Refusal refusal,
            List<Map.Entry<String, String>> headers) {
        long size = body != null ? body.length : request.headers().contentLength().orElse(-1);
        requestLog.record(
                new ReceivedRequest(
                        target,
                        clock.instant(),
                        request.method().name(),
                        request.path(),
                        headers.size() > settings.maxHeaders()
                                ? headers.subList(0, settings.maxHeaders())
                                : headers,
                        body,
                        size,
                        request.headers().contentType().map(String::valueOf).orElse(null),
                        remoteAddress(request)),
                refusal);
    }

    private void count(String outcome) {
        Counter counter = outcomes.get(outcome);
        (counter != null
                        ? counter
                        : outcomes.computeIfAbsent(
                                outcome,
                                o -> meters.counter("hookstream.ingress.requests", "outcome", o)))
                .increment();
    }
}
