package io.hookstream.webhook.pipeline;

import java.util.List;
import java.util.Objects;

/** What routing makes of one accepted request. */
public sealed interface ProcessingOutcome {

    /** The {@code condition} directive was false (Decision D12): no bundle, counted as filtered. */
    record Filtered(String directivePath) implements ProcessingOutcome {
        public Filtered {
            Objects.requireNonNull(directivePath, "directivePath");
        }
    }

    /** The bundles, in item order; possibly none (every item filtered or with a null output). */
    record Items(List<Item> items) implements ProcessingOutcome {
        public Items {
            items = List.copyOf(items);
        }
    }

    /**
     * A directive failed (Decision D18): the raw event goes to the dead-letter topic with this
     * reason.
     *
     * @param directivePath e.g. {@code output.id} or {@code iterate}
     * @param code the IML error code, or a {@code WEBHOOK-*} code of this library
     */
    record Failed(String directivePath, String code, String message) implements ProcessingOutcome {
        public Failed {
            Objects.requireNonNull(directivePath, "directivePath");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
