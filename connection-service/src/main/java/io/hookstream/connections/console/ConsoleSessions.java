package io.hookstream.connections.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The console's sessions, kept in memory and bounded: a session ends after {@code sessionTimeout}
 * without a request, at logout, or when {@code maxSessions} newer ones push it out. A restart ends
 * them all, which only means signing in again. Each control-plane instance has its own, so a
 * console behind a balancer needs sticky sessions.
 */
public final class ConsoleSessions {

    /** The cookie that carries the session id. */
    public static final String COOKIE = "hookstream_console";

    /** The header a session-authenticated change must carry its CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Base64.Encoder TOKENS = Base64.getUrlEncoder().withoutPadding();

    private final ConcurrentHashMap<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration timeout;
    private final int maxSessions;
    private final Clock clock;

    public ConsoleSessions(ConsoleSettings settings, Clock clock) {
        this.timeout = settings.sessionTimeout();
        this.maxSessions = settings.maxSessions();
        this.clock = clock;
    }

    public Duration timeout() {
        return timeout;
    }

    /** A new session, with room made for it. */
    public synchronized ConsoleSession open() {
        Instant now = clock.instant();
        if (sessions.size() >= maxSessions) {
            sessions.values().removeIf(s -> expired(s, now));
        }
        while (sessions.size() >= maxSessions) {
            sessions.values().stream()
                    .min(Comparator.comparing(ConsoleSession::lastSeen))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
        ConsoleSession session = new ConsoleSession(token(), token(), now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /**
     * The live session with this id, its idle time started again; null for an unknown or expired
     * one (which is dropped).
     */
    public @Nullable ConsoleSession touch(@Nullable String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        ConsoleSession found =
                sessions.computeIfPresent(id, (k, s) -> expired(s, now) ? null : s.seenAt(now));
        return found;
    }

    public void close(String id) {
        sessions.remove(id);
    }

    /** How many sessions are kept, expired ones not yet dropped included. */
    public int size() {
        return sessions.size();
    }

    /** Whether {@code given} is the session's CSRF token, compared in constant time. */
    public static boolean csrfMatches(ConsoleSession session, @Nullable String given) {
        return given != null
                && MessageDigest.isEqual(
                        session.csrfToken().getBytes(StandardCharsets.UTF_8),
                        given.getBytes(StandardCharsets.UTF_8));
    }

    private boolean expired(ConsoleSession session, Instant now) {
        return !session.lastSeen().plus(timeout).isAfter(now);
    }

    /** 32 random bytes: unguessable, and URL-safe so that it fits a cookie and a header. */
    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return TOKENS.encodeToString(bytes);
    }
}
