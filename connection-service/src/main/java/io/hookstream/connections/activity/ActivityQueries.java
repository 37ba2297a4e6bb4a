package io.hookstream.connections.activity;

import io.hookstream.connections.api.ApiProblems;
import io.hookstream.schemas.avro.EventOutcome;
import io.hookstream.schemas.avro.RequestRecord;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers activity queries from the instance that owns the key: read here, or asked once of the
 * owner through its internal API ({@link InternalActivityController}), which never asks further, so
 * that two instances that disagree about ownership during a rebalance cannot bounce a query between
 * them. Store reads may touch disk and run off the event loop.
 */
public final class ActivityQueries {

    /** Path of the internal API, under {@code /api} so that the same token guards it. */
    static final String INTERNAL = "/api/internal/activity/";

    private final ActivityStreams streams;
    private final ActivitySettings settings;
    private final WebClient client;

    public ActivityQueries(ActivityStreams streams, ActivitySettings settings, String apiToken) {
        this.streams = streams;
        this.settings = settings;
        this.client =
                WebClient.builder().defaultHeader("Authorization", "Bearer " + apiToken).build();
    }

    /** The newest requests of the request log for a hook or app webhook, newest first. */
    public Mono<List<RequestView>> requests(String key, int limit, boolean forwarded) {
        return query(
                ActivityTopology.REQUESTS,
                key,
                limit,
                forwarded,
                (List<RequestRecord> found) ->
                        distinct(
                                found.stream().map(RequestView::of).toList(),
                                RequestView::requestId),
                new ParameterizedTypeReference<List<RequestView>>() {});
    }

    /** The newest event outcomes of a hook or app webhook, newest first. */
    public Mono<List<EventView>> events(String key, int limit, boolean forwarded) {
        return query(
                ActivityTopology.EVENTS,
                key,
                limit,
                forwarded,
                (List<EventOutcome> found) ->
                        distinct(found.stream().map(EventView::of).toList(), EventView::identity),
                new ParameterizedTypeReference<List<EventView>>() {});
    }

    /** Every outcome of one event, and its request; empty when the view does not know it. */
    public Mono<List<EventDetail>> event(String eventId, boolean forwarded) {
        return query(
                ActivityTopology.EVENTS_BY_ID,
                eventId,
                settings.maxLimit(),
                forwarded,
                (List<EventOutcome> found) ->
                        found.isEmpty() ? List.of() : List.of(EventDetail.of(eventId, found)),
                new ParameterizedTypeReference<List<EventDetail>>() {});
    }

    /**
     * The outcome counts per minute since {@code from}, summed over every instance's share: read
     * here, and, unless this is itself a forwarded query, asked once of each other instance. A
     * share that cannot be read right now (a rebalance, an instance that does not answer) is left
     * out rather than failing the overview.
     */
    public Mono<List<OutcomeCount>> counts(Instant from, boolean forwarded) {
        Mono<List<OutcomeCount>> here =
                Mono.fromCallable(() -> streams.localCounts(from).orElse(List.of()))
                        .subscribeOn(Schedulers.boundedElastic());
        if (forwarded) {
            return here;
        }
        List<Mono<List<OutcomeCount>>> shares = new ArrayList<>();
        shares.add(here);
        for (URI other : streams.otherInstances(ActivityTopology.OUTCOME_COUNTS)) {
            URI uri =
                    UriComponentsBuilder.fromUri(other)
                            .path(INTERNAL + ActivityTopology.OUTCOME_COUNTS)
                            .queryParam("key", "*")
                            .queryParam("from", from.toString())
                            .encode()
                            .build()
                            .toUri();
            shares.add(
                    client.get()
                            .uri(uri)
                            .retrieve()
                            .bodyToMono(new ParameterizedTypeReference<List<OutcomeCount>>() {})
                            .timeout(settings.queryTimeout())
                            .onErrorResume(e -> Mono.just(List.of())));
        }
        return Flux.merge(shares).flatMapIterable(list -> list).collectList();
    }

    private <V, T> Mono<List<T>> query(
            String store,
            String key,
            int limit,
            boolean forwarded,
            Function<List<V>, List<T>> view,
            ParameterizedTypeReference<List<T>> type) {
        int bounded = Math.max(1, Math.min(limit, settings.maxLimit()));
        ActivityStreams.Owner owner = streams.owner(store, key);
        if (owner instanceof ActivityStreams.Owner.Here) {
            return Mono.fromCallable(() -> streams.<V>newest(store, key, bounded))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(
                            found ->
                                    found.map(list -> Mono.just(view.apply(list)))
                                            .orElseGet(ActivityQueries::unavailable));
        }
        if (owner instanceof ActivityStreams.Owner.There there && !forwarded) {
            URI uri =
                    UriComponentsBuilder.fromUri(there.api())
                            .path(INTERNAL + store)
                            .queryParam("key", key)
                            .queryParam("limit", bounded)
                            .encode()
                            .build()
                            .toUri();
            return client.get()
                    .uri(uri)
                    .retrieve()
                    .bodyToMono(type)
                    .timeout(settings.queryTimeout())
                    .onErrorResume(e -> unavailable());
        }
        return unavailable();
    }

    private static <T> Mono<T> unavailable() {
        return Mono.error(
                ApiProblems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "the activity view is starting or rebalancing; retry shortly"));
    }

    /** {@code views}, each entry once although the view may hold it twice. */
    private static <T> List<T> distinct(List<T> views, Function<T, String> identity) {
        Map<String, T> seen = new LinkedHashMap<>();
        for (T view : views) {
            seen.putIfAbsent(identity.apply(view), view);
        }
        return List.copyOf(seen.values());
    }
}
