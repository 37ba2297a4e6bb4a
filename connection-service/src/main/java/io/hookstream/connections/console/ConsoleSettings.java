package io.hookstream.connections.console;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The console's sessions.
 *
 * @param sessionTimeout how long a session lives without a request; each request starts it again
 * @param maxSessions the most sessions kept; a login beyond it ends the least recently used one
 */
@ConfigurationProperties("hookstream.control.console")
public record ConsoleSettings(Duration sessionTimeout, int maxSessions) {

    public ConsoleSettings {
        if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("session-timeout must be positive");
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("max-sessions must be at least 1");
        }
    }

    /** What the binder calls: unset keys arrive as null and take their defaults. */
    @ConstructorBinding
    public ConsoleSettings(@Nullable Duration sessionTimeout, @Nullable Integer maxSessions) {
        this(
                sessionTimeout == null ? Duration.ofMinutes(30) : sessionTimeout,
                maxSessions == null ? 1000 : maxSessions);
    }
}
