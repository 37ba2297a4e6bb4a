package io.hookstream.operations.deadletters;

import io.hookstream.schemas.avro.DeadLetter;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which dead letters a listing or a redrive is about. Every criterion that is set must hold; none
 * set means all of them.
 *
 * @param hookId dead letters of this hook
 * @param appId dead letters of this app's webhooks
 * @param errorCode dead letters with this error code, e.g. {@code WEBHOOK-ITERATE}
 * @param since failed at or after
 * @param until failed before
 * @param ids only these dead letters; empty for any
 */
public record DeadLetterFilter(
        @Nullable String hookId,
        @Nullable String appId,
        @Nullable String errorCode,
        @Nullable Instant since,
        @Nullable Instant until,
        Set<DeadLetterId> ids) {

    public DeadLetterFilter {
        ids = Set.copyOf(ids);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since must be before until");
        }
    }

    public static DeadLetterFilter all() {
        return new DeadLetterFilter(null, null, null, null, null, Set.of());
    }

    public static DeadLetterFilter ofHook(@Nullable String hookId) {
        return new DeadLetterFilter(hookId, null, null, null, null, Set.of());
    }

    public boolean matches(DeadLetterId id, DeadLetter letter) {
        Instant failedAt = letter.getFailedAt();
        return (ids.isEmpty() || ids.contains(id))
                && (hookId == null || hookId.equals(letter.getHookId()))
                && (appId == null || appId.equals(letter.getAppId()))
                && (errorCode == null || errorCode.equals(letter.getErrorCode()))
                && (since == null || !failedAt.isBefore(since))
                && (until == null || failedAt.isBefore(until));
    }
}
