package io.hookstream.ingress.publish;

import io.hookstream.schemas.avro.RawWebhookEvent;

/**
 * The Kafka key of a raw event, which decides its partition and so what keeps its order.
 *
 * <p>A dedicated event is keyed by its hook: the router joins it with the hooks table,
 * co-partitioned by hook id, and one hook's events keep the order in which they were accepted. A
 * shared event has no owner until the router has read its {@code uid}, so the edge can only choose
 * between its app and the event:
 *
 * <ul>
 *   <li>{@link SharedKey#EVENT} (default) spreads a shared webhook's events over every partition,
 *       so the router's first stage runs on every stream thread; events then reach a subscriber in
 *       the order of the router's repartition, which is not always the order of acceptance
 *       (providers such as GitHub and Stripe promise no order either);
 *   <li>{@link SharedKey#APP} keeps one app's events in the order they were accepted, at the price
 *       of putting all of them on one partition, read by one stream thread.
 * </ul>
 */
public final class RawEventKeys {

    /** What keys the events of shared webhooks. */
    public enum SharedKey {
        EVENT,
        APP
    }

    private final SharedKey sharedKey;

    public RawEventKeys(SharedKey sharedKey) {
        this.sharedKey = sharedKey;
    }

    public String keyOf(RawWebhookEvent event) {
        if (event.getHookId() != null) {
            return event.getHookId();
        }
        return sharedKey == SharedKey.APP ? event.getAppId() : event.getEventId();
    }
}
