package io.hookstream.connections.remote;

import org.jspecify.annotations.Nullable;

/**
 * Whom a remote request is made for; every log line about the request carries these ids.
 *
 * @param action {@code info}, {@code attach} or {@code detach}
 */
public record CallContext(
        String action,
        String appId,
        @Nullable String userId,
        @Nullable String connectionId,
        @Nullable String hookId) {

    public static CallContext info(String appId, String userId, @Nullable String connectionId) {
        return new CallContext("info", appId, userId, connectionId, null);
    }

    public static CallContext attach(
            String appId, String userId, @Nullable String connectionId, String hookId) {
        return new CallContext("attach", appId, userId, connectionId, hookId);
    }

    public static CallContext detach(
            String appId, String userId, @Nullable String connectionId, String hookId) {
        return new CallContext("detach", appId, userId, connectionId, hookId);
    }

    /**
     * {@code action=... app=... user=... connection=... hook=...}, leaving out what is not known.
     */
    String logIds() {
        StringBuilder ids =
                new StringBuilder("action=").append(action).append(" app=").append(appId);
        if (userId != null) {
            ids.append(" user=").append(userId);
        }
        if (connectionId != null) {
            ids.append(" connection=").append(connectionId);
        }
        if (hookId != null) {
            ids.append(" hook=").append(hookId);
        }
        return ids.toString();
    }
}
