package io.hookstream.connections.api;

import io.hookstream.connections.console.ConsoleSession;
import io.hookstream.connections.console.ConsoleSessions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may call the API: a client with the bearer token, or a console session. A session came from a
 * browser, which sends its cookie with any request a page of another site makes it send, so a
 * change made with a session must also carry the session's CSRF token, which only the console's own
 * pages can read. The internal activity API takes the bearer token only.
 */
public final class ApiAccess {

    /** What a request may do. */
    public enum Verdict {
        ALLOWED,
        /** neither a valid token nor a live session: 401 */
        UNAUTHORIZED,
        /** a live session without its CSRF token on a change: 403 */
        CSRF_REFUSED
    }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final byte[] expected;
    private final ConsoleSessions sessions;

    public ApiAccess(String apiToken, ConsoleSessions sessions) {
        this.expected = ("Bearer " + apiToken).getBytes(StandardCharsets.UTF_8);
        this.sessions = sessions;
    }

    public Verdict decide(
            String path,
            String method,
            @Nullable String authorization,
            @Nullable String sessionCookie,
            @Nullable String csrfToken) {
        // constant time, so that the token cannot be guessed byte by byte from response times
        if (authorization != null
                && MessageDigest.isEqual(
                        expected, authorization.getBytes(StandardCharsets.UTF_8))) {
            return Verdict.ALLOWED;
        }
        if (path.startsWith("/api/internal/")) {
            return Verdict.UNAUTHORIZED;
        }
        ConsoleSession session = sessions.touch(sessionCookie);
        if (session == null) {
            return Verdict.UNAUTHORIZED;
        }
        if (SAFE_METHODS.contains(method) || ConsoleSessions.csrfMatches(session, csrfToken)) {
            return Verdict.ALLOWED;
        }
        return Verdict.CSRF_REFUSED;
    }
}
