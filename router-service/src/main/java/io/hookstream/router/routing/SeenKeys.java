package io.hookstream.router.routing;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The dedupe keys the router has seen, owned by whoever owns the state (the topology's processor):
 * the router only evaluates the key and asks.
 */
public interface SeenKeys {

    /**
     * The id of the event that made {@code key} known, if its window still covers {@code at}.
     *
     * @param key a {@link DedupeKeys#storeKey store key}, already scoped and bounded in length
     */
    @Nullable String holder(String key, Instant at);

    /** Keeps {@code key} for {@code eventId} from {@code at} for {@code window}. */
    void remember(String key, String eventId, Instant at, Duration window);
}
