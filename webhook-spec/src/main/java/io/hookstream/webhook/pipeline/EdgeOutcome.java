package io.hookstream.webhook.pipeline;

import java.util.Objects;

/** What the edge does with one request: answer it, and whether to publish it. */
public sealed interface EdgeOutcome {

    /** The HTTP response to send. */
    HttpAnswer answer();

    /** A verification handshake matched: send the answer and publish nothing. */
    record Handshake(HttpAnswer answer) implements EdgeOutcome {
        public Handshake {
            Objects.requireNonNull(answer, "answer");
        }
    }

    /**
     * The signature check failed: a 401 JSON error, nothing published.
     *
     * @param reason why, naming headers and rules but never the secret or a signature value
     */
    record Rejected(HttpAnswer answer, String reason) implements EdgeOutcome {
        public Rejected {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Publish the request, and once the broker has it send the answer ({@code respond} or Decision
     * D2).
     *
     * @param flags what parsing the body observed ({@link
     *     io.hookstream.webhook.request.RequestFlags}), recorded on the published event (E5:
     *     malformed JSON is accepted as text, but flagged)
     */
    record Accepted(HttpAnswer answer, java.util.Set<String> flags) implements EdgeOutcome {
        public Accepted {
            Objects.requireNonNull(answer, "answer");
            flags = java.util.Set.copyOf(flags);
        }

        public Accepted(HttpAnswer answer) {
            this(answer, java.util.Set.of());
        }
    }

    /**
     * A directive failed while answering (Decision D18): a 500 JSON error, nothing published.
     *
     * @param directivePath e.g. {@code respond.status} or {@code signature.secret}
     * @param code the IML error code, or a {@code WEBHOOK-*} code of this library
     * @param message the error message, for logs
     */
    record Failed(HttpAnswer answer, String directivePath, String code, String message)
            implements EdgeOutcome {
        public Failed {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(directivePath, "directivePath");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
