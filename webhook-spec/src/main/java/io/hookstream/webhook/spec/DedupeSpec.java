package io.hookstream.webhook.spec;

import java.time.Duration;
import java.util.Objects;

/**
 * A compiled {@code dedupe} directive: senders retry a delivery they saw fail (a 503, a timeout)
 * with the same delivery id, and the first copy may already be stored. The router drops an event
 * whose key it already saw for the same hook (dedicated) or app webhook (shared) within the window.
 *
 * @param key evaluated once per event against the request; an empty, null or undefined result means
 *     the event is not deduplicated
 * @param window how long a key is remembered; from {@link #MIN_WINDOW} to {@link #MAX_WINDOW}
 */
public record DedupeSpec(Directive key, Duration window) {

    /** The window when the directive is only a key: longer than any provider's retry schedule. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    /** The shortest window, one second, as {@code window} counts whole seconds. */
    public static final Duration MIN_WINDOW = Duration.ofSeconds(1);

    /** The longest window: the router keeps every key this long, so its store is bounded by it. */
    public static final Duration MAX_WINDOW = Duration.ofDays(30);

    public DedupeSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(window, "window");
        if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("window " + window + " outside 1 s to 30 days");
        }
    }
}
