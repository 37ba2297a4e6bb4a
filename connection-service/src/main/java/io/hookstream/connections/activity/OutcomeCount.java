package io.hookstream.connections.activity;

import io.hookstream.schemas.avro.EventOutcome;
import io.hookstream.schemas.avro.RequestRecord;
import io.hookstream.schemas.avro.WebhookKind;
import java.time.Instant;

/**
 * How many requests or events had one outcome in one minute.
 *
 * @param kind {@code request}: a request the ingress answered without an accepted event (the
 *     request log); {@code event}: an accepted event, by what the router did with it; {@code item}:
 *     an item of a shared event, by what became of it for one hook
 */
public record OutcomeCount(String kind, String outcome, Instant minute, long count) {

    static final String REQUEST = "request";
    static final String EVENT = "event";
    static final String ITEM = "item";

    static String requestKey(RequestRecord request) {
        return REQUEST + ":" + request.getOutcome();
    }

    /**
     * A dedicated event's outcome, or a shared event's for its app webhook, counts the event; the
     * outcomes of a shared event for each hook count its items, so that an event is counted once.
     */
    static String eventKey(EventOutcome outcome) {
        boolean perItem = outcome.getKind() == WebhookKind.SHARED && outcome.getHookId() != null;
        return (perItem ? ITEM : EVENT) + ":" + outcome.getOutcome();
    }

    /** The count of a store key ({@code kind:outcome}) in the minute starting at {@code minute}. */
    static OutcomeCount of(String key, Instant minute, long count) {
        int colon = key.indexOf(':');
        return colon < 0
                ? new OutcomeCount(EVENT, key, minute, count)
                : new OutcomeCount(
                        key.substring(0, colon), key.substring(colon + 1), minute, count);
    }
}
