package io.hookstream.webhook.pipeline;

import java.time.Duration;
import java.util.Objects;

/** What the {@code dedupe} directive makes of one event, before routing processes it. */
public sealed interface DedupeOutcome {

    /** No {@code dedupe} directive, or its key was empty, null or undefined: route the event. */
    record None() implements DedupeOutcome {}

    /**
     * Route the event unless {@code key} was already seen for the same hook (dedicated) or app
     * webhook (shared) within {@code window}; a repeat is dropped and recorded as {@code
     * duplicate}.
     *
     * @param key the evaluated key as text (a number uses its text form); never empty
     */
    record Key(String key, Duration window) implements DedupeOutcome {
        public Key {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(window, "window");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("an empty key is no key");
            }
        }
    }

    /**
     * The key could not be evaluated (Decision D18, as for {@link ProcessingOutcome.Failed}): the
     * raw event goes to the dead-letter topic with this reason.
     *
     * @param directivePath {@code dedupe}, or {@code dedupe.key} in the object form, or a path
     *     inside the key's template
     */
    record Failed(String directivePath, String code, String message) implements DedupeOutcome {
        public Failed {
            Objects.requireNonNull(directivePath, "directivePath");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
