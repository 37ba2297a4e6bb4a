package io.hookstream.router.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * The dedupe keys the router has seen, owned by whoever owns the state (the topology's processor):
 * the router only evaluates the key and asks.
 */
@FunctionalInterface
public interface SeenKeys {

    /** Keeps nothing: every key is new. For callers that route without dedupe state. */
    SeenKeys NONE = (key, at, window) -> false;

    /**
     * Whether {@code key} was seen less than {@code window} before {@code at}; if not, it is
     * remembered from {@code at} for {@code window}, so that the next sighting is the repeat.
     *
     * @param key a {@link DedupeKeys#storeKey store key}, already scoped and bounded in length
     */
    boolean repeated(String key, Instant at, Duration window);
}
