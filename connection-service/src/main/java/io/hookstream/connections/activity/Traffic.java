package io.hookstream.connections.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests and events per outcome over the last minutes, in total and minute by minute (every
 * minute present, zeros included, so that a chart needs no gaps filled).
 *
 * @param accepted events accepted (each counted once, by what the router did with it)
 * @param refused requests the request log recorded as refused (every outcome but {@code
 *     handshake}); a flood beyond the request log's budget is counted by the ingress's metrics, not
 *     here
 * @param requests the request log's outcomes: {@code signature_refused}, {@code not_found}, ...
 * @param events accepted events' outcomes: {@code delivered}, {@code filtered}, {@code
 *     dead_letter}, {@code duplicate}, {@code expanded}, {@code unmatched}
 * @param items outcomes of shared events' items for each hook: {@code delivered}, {@code unmatched}
 */
public record Traffic(
        Instant since,
        int minutes,
        long accepted,
        long refused,
        Map<String, Long> requests,
        Map<String, Long> events,
        Map<String, Long> items,
        List<Minute> perMinute) {

    public record Minute(
            Instant start,
            Map<String, Long> requests,
            Map<String, Long> events,
            Map<String, Long> items) {}

    private static final String HANDSHAKE = "handshake";

    /** The first minute shown when the last {@code minutes} are asked for at {@code now}. */
    static Instant since(Instant now, int minutes) {
        return now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(minutes - 1L));
    }

    static Traffic of(Instant now, int minutes, List<OutcomeCount> counts) {
        Instant since = since(now, minutes);
        TreeMap<Instant, Buckets> byMinute = new TreeMap<>();
        for (int m = 0; m < minutes; m++) {
            byMinute.put(since.plus(Duration.ofMinutes(m)), new Buckets());
        }
        Buckets total = new Buckets();
        for (OutcomeCount count : counts) {
            Buckets minute = byMinute.get(count.minute());
            if (minute == null) {
                continue;
            }
            minute.add(count);
            total.add(count);
        }
        long refused =
                total.requests.entrySet().stream()
                        .filter(e -> !e.getKey().equals(HANDSHAKE))
                        .mapToLong(Map.Entry::getValue)
                        .sum();
        long accepted = total.events.values().stream().mapToLong(Long::longValue).sum();
        List<Minute> perMinute = new ArrayList<>();
        byMinute.forEach(
                (start, b) ->
                        perMinute.add(
                                new Minute(
                                        start,
                                        Collections.unmodifiableMap(b.requests),
                                        Collections.unmodifiableMap(b.events),
                                        Collections.unmodifiableMap(b.items))));
        return new Traffic(
                since,
                minutes,
                accepted,
                refused,
                Collections.unmodifiableMap(total.requests),
                Collections.unmodifiableMap(total.events),
                Collections.unmodifiableMap(total.items),
                List.copyOf(perMinute));
    }

    /** Counts of one minute, or of all, by kind and outcome; sums the shares of every instance. */
    private static final class Buckets {
        final Map<String, Long> requests = new TreeMap<>();
        final Map<String, Long> events = new TreeMap<>();
        final Map<String, Long> items = new TreeMap<>();

        void add(OutcomeCount count) {
            Map<String, Long> into =
                    switch (count.kind()) {
                        case OutcomeCount.REQUEST -> requests;
                        case OutcomeCount.ITEM -> items;
                        default -> events;
                    };
            into.merge(count.outcome(), count.count(), Long::sum);
        }
    }
}
