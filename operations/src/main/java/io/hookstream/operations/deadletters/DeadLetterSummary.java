package io.hookstream.operations.deadletters;

import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.avro.RawWebhookEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A dead letter as a listing shows it: why and where it failed, without its raw event, whose body
 * may be megabytes.
 *
 * @param redriven whether a redrive has published its event already
 */
public record DeadLetterSummary(
        DeadLetterId id,
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
        @Nullable String sourceTopic,
        long bodySize,
        boolean redriven) {

    DeadLetterSummary withRedriven(boolean redriven) {
        return new DeadLetterSummary(
                id,
                eventId,
                hookId,
                appId,
                webhookName,
                stage,
                directivePath,
                errorCode,
                error,
                failedAt,
                receivedAt,
                sourceTopic,
                bodySize,
                redriven);
    }

    static DeadLetterSummary of(DeadLetterId id, DeadLetter letter, boolean redriven) {
        RawWebhookEvent event = letter.getEvent();
        return new DeadLetterSummary(
                id,
                letter.getEventId(),
                letter.getHookId(),
                letter.getAppId(),
                event.getWebhookName(),
                letter.getStage(),
                letter.getDirectivePath(),
                letter.getErrorCode(),
                letter.getError(),
                letter.getFailedAt(),
                event.getReceivedAt(),
                letter.getSourceTopic(),
                event.getBody().remaining(),
                redriven);
    }
}
