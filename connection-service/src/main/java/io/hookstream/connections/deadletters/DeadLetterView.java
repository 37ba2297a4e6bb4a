package io.hookstream.connections.deadletters;

import io.hookstream.operations.deadletters.DeadLetterSummary;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A dead letter as the API lists it; {@code id} is what the detail and a redrive take. */
record DeadLetterView(
        String id,
        String eventId,
        @Nullable String hookId,
        String appId,
        String webhookName,
        String stage,
        @Nullable String directivePath,
        @Nullable String errorCode,
        String error,
        Instant failedAt,
        Instant receivedAt,
        long bodySize,
        boolean redriven) {

    static DeadLetterView of(DeadLetterSummary summary) {
        return new DeadLetterView(
                summary.id().toString(),
                summary.eventId(),
                summary.hookId(),
                summary.appId(),
                summary.webhookName(),
                summary.stage(),
                summary.directivePath(),
                summary.errorCode(),
                summary.error(),
                summary.failedAt(),
                summary.receivedAt(),
                summary.bodySize(),
                summary.redriven());
    }
}
