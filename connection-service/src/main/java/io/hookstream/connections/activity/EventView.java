package io.hookstream.connections.activity;

import io.hookstream.schemas.avro.EventOutcome;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the router did with an event, for one hook or app webhook.
 *
 * @param triggerTopic the first trigger topic its bundles went to (the only one, for a hook)
 * @param error why it became a dead letter; null otherwise
 */
public record EventView(
        String eventId,
        Instant receivedAt,
        Instant processedAt,
        String outcome,
        @Nullable String hookId,
        String appId,
        String webhookName,
        List<String> bundleIds,
        @Nullable String triggerTopic,
        List<String> unmatchedUids,
        @Nullable ErrorView error) {

    /** A dead letter's cause. */
    public record ErrorView(
            @Nullable String stage,
            @Nullable String directivePath,
            @Nullable String code,
            @Nullable String message) {}

    static EventView of(EventOutcome o) {
        return new EventView(
                o.getEventId(),
                o.getReceivedAt(),
                o.getProcessedAt(),
                o.getOutcome(),
                o.getHookId(),
                o.getAppId(),
                o.getWebhookName(),
                List.copyOf(o.getBundleIds()),
                o.getTriggerTopics().isEmpty() ? null : o.getTriggerTopics().get(0),
                List.copyOf(o.getUnmatchedUids()),
                o.getOutcome().equals("dead_letter")
                        ? new ErrorView(
                                o.getStage(), o.getDirectivePath(), o.getErrorCode(), o.getError())
                        : null);
    }

    /** The same outcome written twice (a view sees each entry at least once). */
    String identity() {
        return eventId + "/" + outcome + "/" + hookId;
    }
}
