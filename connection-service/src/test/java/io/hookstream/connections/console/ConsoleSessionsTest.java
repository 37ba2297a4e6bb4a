package io.hookstream.connections.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {

    private final MutableClock clock = new MutableClock();
    private final ConsoleSessions sessions =
            new ConsoleSessions(new ConsoleSettings(Duration.ofMinutes(30), 3), clock);

    @Test
    void aSessionLivesWhileItIsUsedAndEndsAfterItsIdleTime() {
        ConsoleSession session = sessions.open();

        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.touch(session.id())).isNotNull();
        // each request starts the idle time again
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.touch(session.id())).isNotNull();
        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.touch(session.id())).isNull();
        // and an expired session is gone for good, not revived
        assertThat(sessions.size()).isZero();
    }

    @Test
    void unknownEmptyAndClosedIdsFindNoSession() {
        ConsoleSession session = sessions.open();

        assertThat(sessions.touch(null)).isNull();
        assertThat(sessions.touch("")).isNull();
        assertThat(sessions.touch(session.csrfToken())).isNull();
        sessions.close(session.id());
        assertThat(sessions.touch(session.id())).isNull();
    }

    @Test
    void theStoreIsBoundedAndALoginBeyondItEndsTheLeastRecentlyUsedSession() {
        ConsoleSession first = sessions.open();
        clock.advance(Duration.ofSeconds(1));
        ConsoleSession second = sessions.open();
        clock.advance(Duration.ofSeconds(1));
        ConsoleSession third = sessions.open();
        clock.advance(Duration.ofSeconds(1));
        sessions.touch(first.id());

        ConsoleSession fourth = sessions.open();

        assertThat(sessions.size()).isEqualTo(3);
        assertThat(sessions.touch(second.id())).isNull();
        assertThat(sessions.touch(first.id())).isNotNull();
        assertThat(sessions.touch(third.id())).isNotNull();
        assertThat(sessions.touch(fourth.id())).isNotNull();
    }

    @Test
    void expiredSessionsMakeRoomBeforeLiveOnesArePushedOut() {
        ConsoleSession old = sessions.open();
        clock.advance(Duration.ofMinutes(40));
        ConsoleSession a = sessions.open();
        ConsoleSession b = sessions.open();

        ConsoleSession c = sessions.open();

        assertThat(sessions.touch(old.id())).isNull();
        assertThat(sessions.touch(a.id())).isNotNull();
        assertThat(sessions.touch(b.id())).isNotNull();
        assertThat(sessions.touch(c.id())).isNotNull();
    }

    @Test
    void idsAndCsrfTokensAreLongRandomAndDistinct() {
        Set<String> seen = new HashSet<>();
        ConsoleSessions many =
                new ConsoleSessions(new ConsoleSettings(Duration.ofMinutes(30), 1000), clock);
        for (int i = 0; i < 200; i++) {
            ConsoleSession s = many.open();
            assertThat(s.id()).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(s.csrfToken()).hasSize(43).isNotEqualTo(s.id());
            assertThat(seen.add(s.id())).isTrue();
            assertThat(seen.add(s.csrfToken())).isTrue();
        }
    }

    @Test
    void theCsrfTokenMustMatchExactly() {
        ConsoleSession session = sessions.open();

        assertThat(ConsoleSessions.csrfMatches(session, session.csrfToken())).isTrue();
        assertThat(ConsoleSessions.csrfMatches(session, null)).isFalse();
        assertThat(ConsoleSessions.csrfMatches(session, "")).isFalse();
        assertThat(ConsoleSessions.csrfMatches(session, session.csrfToken() + "x")).isFalse();
        assertThat(ConsoleSessions.csrfMatches(session, session.id())).isFalse();
    }

    @Test
    void settingsRefuseATimeoutOrBoundThatCouldNotHoldASession() {
        assertThatThrownBy(() -> new ConsoleSettings(Duration.ZERO, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsoleSettings(Duration.ofMinutes(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ConsoleSettings((Duration) null, (Integer) null))
                .isEqualTo(new ConsoleSettings(Duration.ofMinutes(30), 1000));
    }
}
