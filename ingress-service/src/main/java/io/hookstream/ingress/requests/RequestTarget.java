package io.hookstream.ingress.requests;

import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.topic.HookstreamTopics;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a request's URL addressed, as far as the ingress found out.
 *
 * @param hookId the hook id of a dedicated webhook's path, known or not
 * @param appId the app, when the path or the hook names one
 * @param known whether the hook or app webhook exists: records of unknown ones share one budget
 * @param logSanitize the app's {@code log.sanitize} paths, masked in the record
 */
public record RequestTarget(
        WebhookKind kind,
        @Nullable String hookId,
        @Nullable String appId,
        @Nullable String webhookName,
        boolean known,
        List<String> logSanitize) {

    public RequestTarget {
        logSanitize = List.copyOf(logSanitize);
    }

    /** A dedicated webhook's path, before the hook is looked up. */
    public static RequestTarget dedicated(String hookId) {
        return new RequestTarget(WebhookKind.DEDICATED, hookId, null, null, false, List.of());
    }

    /** A shared webhook's path, before the app is looked up. */
    public static RequestTarget shared(String appId, String webhookName) {
        return new RequestTarget(WebhookKind.SHARED, null, appId, webhookName, false, List.of());
    }

    /** The same target, known to exist although it takes no requests (gone, unloadable). */
    public RequestTarget asKnown() {
        return new RequestTarget(kind, hookId, appId, webhookName, true, logSanitize);
    }

    /** The same target, found to exist in {@code appId}. */
    public RequestTarget found(String appId, String webhookName, List<String> logSanitize) {
        return new RequestTarget(kind, hookId, appId, webhookName, true, logSanitize);
    }

    /** The key of the record: the key of this target's activity. */
    public String key() {
        if (hookId != null) {
            return hookId;
        }
        return HookstreamTopics.activityKey(
                null, appId == null ? "" : appId, webhookName == null ? "" : webhookName);
    }
}
