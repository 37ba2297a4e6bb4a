package io.hookstream.connections.activity;

import io.hookstream.connections.api.ApiProblems;
import io.hookstream.connections.api.Identifiers;
import io.hookstream.connections.apps.RequestMasks;
import io.hookstream.connections.store.ControlPlaneStore;
import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.topic.HookstreamTopics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What happened to a hook's requests and events: the request log (refusals with their reasons), the
 * outcome of each event, and the detail of one event. Newest first.
 */
@RestController
@RequestMapping("/api")
class ActivityController {

    private final ActivityQueries queries;
    private final ActivityTail tail;
    private final OverviewReader overview;
    private final ControlPlaneStore store;
    private final RawEventReader raw;
    private final RequestMasks masks;
    private final Clock clock;

    /** The most of a body the detail of an event shows. */
    private static final int MAX_BODY = 1024 * 1024;

    ActivityController(
            ActivityQueries queries,
            ActivityTail tail,
            OverviewReader overview,
            ControlPlaneStore store,
            RawEventReader raw,
            RequestMasks masks,
            Clock clock) {
        this.queries = queries;
        this.tail = tail;
        this.overview = overview;
        this.store = store;
        this.raw = raw;
        this.masks = masks;
        this.clock = clock;
    }

    /**
     * Requests and events per outcome over the last {@code minutes}, router lag, dead letters and
     * unmatched items held, and every trigger-topic reader's lag.
     */
    @GetMapping("/overview")
    Mono<Overview> overview(@RequestParam(defaultValue = "15") int minutes) {
        long most = ActivityTopology.COUNT_RETENTION.toMinutes();
        if (minutes < 1 || minutes > most) {
            throw ApiProblems.of(
                    HttpStatus.BAD_REQUEST,
                    "minutes must be between 1 and " + most + ": " + minutes);
        }
        Instant now = clock.instant();
        return queries.counts(Traffic.since(now, minutes), false)
                .map(counts -> Traffic.of(now, minutes, counts))
                .flatMap(
                        traffic ->
                                Mono.fromCallable(() -> overview.read(traffic))
                                        .subscribeOn(Schedulers.boundedElastic()))
                .onErrorMap(
                        e -> !(e instanceof org.springframework.web.ErrorResponseException),
                        e ->
                                ApiProblems.of(
                                        HttpStatus.SERVICE_UNAVAILABLE,
                                        "the broker did not answer: " + e.getMessage()));
    }

    /** Server-Sent Events: {@code request} and {@code outcome} entries of the hook as they come. */
    @GetMapping(
            value = "/hooks/{hookId}/events/stream",
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> hookStream(@PathVariable String hookId) {
        requireHook(hookId);
        return tail.of(hookId);
    }

    /** The same for a shared webhook of an app. */
    @GetMapping(
            value = "/apps/{appId}/webhooks/{name}/events/stream",
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> webhookStream(
            @PathVariable String appId, @PathVariable String name) {
        return tail.of(webhookKey(appId, name));
    }

    @GetMapping("/hooks/{hookId}/requests")
    Mono<Map<String, List<RequestView>>> hookRequests(
            @PathVariable String hookId, @RequestParam(defaultValue = "100") int limit) {
        requireHook(hookId);
        return queries.requests(hookId, limit, false).map(found -> Map.of("requests", found));
    }

    @GetMapping("/apps/{appId}/webhooks/{name}/requests")
    Mono<Map<String, List<RequestView>>> webhookRequests(
            @PathVariable String appId,
            @PathVariable String name,
            @RequestParam(defaultValue = "100") int limit) {
        return queries.requests(webhookKey(appId, name), limit, false)
                .map(found -> Map.of("requests", found));
    }

    @GetMapping("/hooks/{hookId}/events")
    Mono<Map<String, List<EventView>>> hookEvents(
            @PathVariable String hookId, @RequestParam(defaultValue = "100") int limit) {
        requireHook(hookId);
        return queries.events(hookId, limit, false).map(found -> Map.of("events", found));
    }

    @GetMapping("/apps/{appId}/webhooks/{name}/events")
    Mono<Map<String, List<EventView>>> webhookEvents(
            @PathVariable String appId,
            @PathVariable String name,
            @RequestParam(defaultValue = "100") int limit) {
        return queries.events(webhookKey(appId, name), limit, false)
                .map(found -> Map.of("events", found));
    }

    @GetMapping("/events/{eventId}")
    Mono<EventDetail> event(@PathVariable String eventId) {
        Identifiers.require("eventId", eventId);
        return queries.event(eventId, false)
                .flatMap(
                        found ->
                                found.isEmpty()
                                        ? Mono.error(
                                                ApiProblems.of(
                                                        HttpStatus.NOT_FOUND,
                                                        "no outcome of event "
                                                                + eventId
                                                                + " is known (yet)"))
                                        : Mono.just(found.get(0)))
                .flatMap(this::withBody);
    }

    /** The detail with the whole body of the raw event, masked as the app asks, when still kept. */
    private Mono<EventDetail> withBody(EventDetail detail) {
        EventDetail.RequestPart request = detail.request();
        if (request == null) {
            return Mono.just(detail);
        }
        return Mono.fromCallable(() -> raw.read(request.source(), detail.eventId()))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .map(
                        found ->
                                found.map(
                                                event ->
                                                        detail.withRequest(
                                                                request.withBody(body(event))))
                                        .orElse(detail));
    }

    private String body(RawWebhookEvent event) {
        ByteBuffer buffer = event.getBody().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return StandardCharsets.UTF_8
                .decode(
                        ByteBuffer.wrap(
                                masks.of(event.getAppId())
                                        .bodyPreview(bytes, event.getContentType(), MAX_BODY)))
                .toString();
    }

    private void requireHook(String hookId) {
        Identifiers.require("hookId", hookId);
        if (store.hook(hookId) == null) {
            throw ApiProblems.of(HttpStatus.NOT_FOUND, "no hook " + hookId);
        }
    }

    private String webhookKey(String appId, String name) {
        Identifiers.require("appId", appId);
        Identifiers.require("webhook name", name);
        App app = store.app(appId);
        if (app == null) {
            throw ApiProblems.of(HttpStatus.NOT_FOUND, "no app " + appId);
        }
        return HookstreamTopics.activityKey(null, appId, name);
    }
}
