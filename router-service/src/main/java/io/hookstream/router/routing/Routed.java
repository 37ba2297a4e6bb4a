package io.hookstream.router.routing;

import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.avro.EventOutcome;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.avro.UnmatchedItem;
import io.hookstream.schemas.bundle.BundleFormat;
import org.jspecify.annotations.Nullable;

/**
 * What one raw event becomes: bundles for trigger topics, unmatched shared items, a dead letter, or
 * nothing as a duplicate, and the record of its outcome.
 */
public sealed interface Routed {

    /** The key the record is written with. */
    String key();

    /**
     * A bundle for {@code topic}, keyed by {@code key} (the hookId, or the userId on a shared
     * trigger topic), written in {@code format}; {@code eventType} is its CloudEvents type, {@code
     * null} for the default.
     */
    record Bundle(
            String topic,
            String key,
            TriggerBundle bundle,
            BundleFormat format,
            @Nullable String eventType)
            implements Routed {}

    /** A shared-webhook item on its way to the subscription index, keyed by {@code appId:uid}. */
    record SharedItem(String key, UnmatchedItem item) implements Routed {}

    /**
     * A shared-webhook item whose uid matched no connection, keyed by {@code appId:uid}, written in
     * {@code format}.
     */
    record Unmatched(String key, UnmatchedItem item, BundleFormat format) implements Routed {}

    /** The event could not be processed; keyed by eventId. */
    record Dead(DeadLetter letter) implements Routed {

        @Override
        public String key() {
            return letter.getEventId();
        }
    }

    /**
     * The event repeats a dedupe key of its activity within the key's window: nothing is written
     * for it but its outcome. Keyed by the activity ({@code HookstreamTopics.activityKey}).
     */
    record Duplicate(String key) implements Routed {}

    /** What became of an event, keyed by the activity it belongs to (a hook, an app webhook). */
    record Outcome(String key, EventOutcome outcome) implements Routed {}
}
