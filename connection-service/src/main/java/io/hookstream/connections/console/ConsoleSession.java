package io.hookstream.connections.console;

import java.time.Instant;

/**
 * A signed-in browser. The id travels only in the HttpOnly cookie; the CSRF token is handed to the
 * page, which sends it back in {@value ConsoleSessions#CSRF_HEADER} on every change.
 *
 * @param lastSeen the last request made with it, from which its idle time counts
 */
public record ConsoleSession(String id, String csrfToken, Instant createdAt, Instant lastSeen) {

    ConsoleSession seenAt(Instant now) {
        return new ConsoleSession(id, csrfToken, createdAt, now);
    }
}
