package io.hookstream.router.outcomes;

import io.hookstream.router.routing.Routed;
import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.avro.EventOutcome;
import io.hookstream.schemas.avro.Header;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.avro.UnmatchedItem;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.webhook.masking.RequestMask;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Adds to what an event became the record of its outcome, keyed by the activity it belongs to
 * ({@link HookstreamTopics#activityKey}):
 *
 * <ul>
 *   <li>a dedicated event: {@code delivered} (its bundle ids and trigger topics), {@code filtered}
 *       (the condition was false or nothing was left to iterate), {@code duplicate} (its dedupe key
 *       was seen within the key's window), or {@code dead_letter} (stage, directive path, error
 *       code and message);
 *   <li>a shared event, keyed by its app webhook: {@code expanded} when its items went on to the
 *       subscription index, {@code unmatched} when none had a uid, {@code filtered}, {@code
 *       duplicate}, or {@code dead_letter};
 *   <li>each shared item once it met the index: {@code delivered} for each hook it reached, keyed
 *       by that hook, or {@code unmatched} with its uid, keyed by the app webhook.
 * </ul>
 *
 * The first record of an event carries the raw request's method, path and headers, masked, its
 * body's size and where the raw event is; the body itself is read from there when an operator asks
 * for the event.
 */
public final class EventOutcomes {

    private static final int MAX_HEADER_VALUE = 1024;
    private static final String DELIVERED = "delivered";
    private static final String UNMATCHED = "unmatched";

    private final AppCatalog catalog;
    private final Clock clock;
    private final boolean recording;

    public EventOutcomes(AppCatalog catalog, Clock clock) {
        this(catalog, clock, true);
    }

    /**
     * @param recording {@code false}: no outcomes at all, for deployments that do without the
     *     control plane's activity view (see {@link OutcomeSettings})
     */
    public EventOutcomes(AppCatalog catalog, Clock clock, boolean recording) {
        this.catalog = catalog;
        this.clock = clock;
        this.recording = recording;
    }

    /** {@code routed} with the outcome of {@code event} added. */
    public List<Routed> afterRouting(
            RawWebhookEvent event, List<Routed> routed, Source source, @Nullable App app) {
        if (!recording) {
            return routed;
        }
        EventOutcome.Builder outcome = request(event, source, app);
        DeadLetter dead = null;
        List<String> bundleIds = new ArrayList<>();
        LinkedHashSet<String> topics = new LinkedHashSet<>();
        int sharedItems = 0;
        boolean duplicate = false;
        for (Routed r : routed) {
            if (r instanceof Routed.Duplicate) {
                duplicate = true;
            } else if (r instanceof Routed.Dead d) {
                dead = d.letter();
            } else if (r instanceof Routed.Bundle b) {
                bundleIds.add(b.bundle().getBundleId());
                topics.add(b.topic());
            } else if (r instanceof Routed.SharedItem) {
                sharedItems++;
            }
        }
        if (duplicate) {
            // the marker itself is written nowhere: the outcome is all that is left of a repeat
            EventOutcome built = outcome.setOutcome("duplicate").build();
            return List.of(new Routed.Outcome(key(built), built));
        }
        if (dead != null) {
            outcome.setOutcome("dead_letter")
                    .setStage(dead.getStage())
                    .setDirectivePath(dead.getDirectivePath())
                    .setErrorCode(dead.getErrorCode())
                    .setError(dead.getError());
        } else if (!bundleIds.isEmpty()) {
            outcome.setOutcome(DELIVERED)
                    .setBundleIds(bundleIds)
                    .setTriggerTopics(new ArrayList<>(topics));
        } else if (sharedItems > 0) {
            outcome.setOutcome("expanded");
        } else if (routed.isEmpty()) {
            outcome.setOutcome("filtered");
        } else {
            // shared items that had no uid: nobody can subscribe to them
            outcome.setOutcome(UNMATCHED).setUnmatchedUids(List.of());
        }
        EventOutcome built = outcome.build();
        List<Routed> out = new ArrayList<>(routed.size() + 1);
        out.addAll(routed);
        out.add(new Routed.Outcome(key(built), built));
        return out;
    }

    /**
     * {@code delivered} with the outcome of the shared item added: one per hook it reached, or one
     * for the app webhook when nobody subscribed to its uid.
     */
    public List<Routed> afterDelivery(UnmatchedItem item, List<Routed> delivered) {
        if (!recording) {
            return delivered;
        }
        Map<String, EventOutcome.Builder> perHook = new LinkedHashMap<>();
        List<Routed> out = new ArrayList<>(delivered.size() * 2);
        out.addAll(delivered);
        for (Routed r : delivered) {
            if (r instanceof Routed.Bundle b) {
                TriggerBundle bundle = b.bundle();
                EventOutcome.Builder outcome =
                        perHook.computeIfAbsent(
                                bundle.getHookId(),
                                hookId ->
                                        item(item)
                                                .setKind(WebhookKind.SHARED)
                                                .setHookId(hookId)
                                                .setOutcome(DELIVERED)
                                                .setBundleIds(new ArrayList<>())
                                                .setTriggerTopics(new ArrayList<>()));
                outcome.getBundleIds().add(bundle.getBundleId());
                if (!outcome.getTriggerTopics().contains(b.topic())) {
                    outcome.getTriggerTopics().add(b.topic());
                }
            } else if (r instanceof Routed.Unmatched) {
                EventOutcome unmatched =
                        item(item)
                                .setKind(WebhookKind.SHARED)
                                .setOutcome(UNMATCHED)
                                .setUnmatchedUids(
                                        item.getUid() == null ? List.of() : List.of(item.getUid()))
                                .build();
                out.add(new Routed.Outcome(key(unmatched), unmatched));
            }
        }
        for (EventOutcome.Builder outcome : perHook.values()) {
            EventOutcome built = outcome.build();
            out.add(new Routed.Outcome(key(built), built));
        }
        return out;
    }

    private EventOutcome.Builder item(UnmatchedItem item) {
        return EventOutcome.newBuilder()
                .setEventId(item.getEventId())
                .setReceivedAt(item.getReceivedAt())
                .setProcessedAt(clock.instant())
                .setAppId(item.getAppId())
                .setWebhookName(item.getWebhookName())
                .setSourceTopic(Source.UNKNOWN.topic())
                .setSourcePartition(Source.UNKNOWN.partition())
                .setSourceOffset(Source.UNKNOWN.offset());
    }

    private EventOutcome.Builder request(RawWebhookEvent event, Source source, @Nullable App app) {
        RequestMask mask = new RequestMask(logSanitize(app), MAX_HEADER_VALUE);
        List<Map.Entry<String, String>> raw = new ArrayList<>(event.getHeaders().size());
        for (Header h : event.getHeaders()) {
            raw.add(Map.entry(h.getName(), h.getValue()));
        }
        List<Header> headers = new ArrayList<>(raw.size());
        for (Map.Entry<String, String> h : mask.headers(raw)) {
            headers.add(new Header(h.getKey(), h.getValue()));
        }
        Instant now = clock.instant();
        return EventOutcome.newBuilder()
                .setEventId(event.getEventId())
                .setReceivedAt(event.getReceivedAt())
                .setProcessedAt(now)
                .setKind(event.getKind())
                .setHookId(event.getHookId())
                .setAppId(event.getAppId())
                .setWebhookName(event.getWebhookName())
                .setMethod(event.getMethod())
                .setPath(event.getPath())
                .setHeaders(headers)
                // no body: the detail of an event reads it, masked, from the raw event the
                // outcome points to; copying its start into every outcome cost a sixth to a third
                // of the router's dedicated throughput (benchmarks/run-outcomes-ab.sh)
                .setBodySize(event.getBody().remaining())
                .setSourceTopic(source.topic())
                .setSourcePartition(source.partition())
                .setSourceOffset(source.offset());
    }

    private List<String> logSanitize(@Nullable App app) {
        if (app == null || !(catalog.compiled(app) instanceof AppCatalog.Compiled.Loaded loaded)) {
            return List.of();
        }
        return loaded.definition().logSanitize();
    }

    private static String key(EventOutcome outcome) {
        return HookstreamTopics.activityKey(
                outcome.getHookId(), outcome.getAppId(), outcome.getWebhookName());
    }
}
