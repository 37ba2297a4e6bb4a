package io.hookstream.connections.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.connections.console.ConsoleSession;
import io.hookstream.connections.console.ConsoleSessions;
import io.hookstream.connections.console.ConsoleSettings;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiAccessTest {

    private final ConsoleSessions sessions =
            new ConsoleSessions(new ConsoleSettings(Duration.ofMinutes(30), 10), Clock.systemUTC());
    private final ApiAccess access = new ApiAccess("the-token", sessions);
    private final ConsoleSession session = sessions.open();

    @Test
    void theBearerTokenAllowsEverythingWithoutACsrfToken() {
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(access.decide("/api/hooks", method, "Bearer the-token", null, null))
                    .isEqualTo(ApiAccess.Verdict.ALLOWED);
        }
        assertThat(access.decide("/api/internal/activity/x", "GET", "Bearer the-token", null, null))
                .isEqualTo(ApiAccess.Verdict.ALLOWED);
    }

    @Test
    void aWrongOrMissingTokenWithoutASessionIsUnauthorized() {
        assertThat(access.decide("/api/hooks", "GET", "Bearer the-token2", null, null))
                .isEqualTo(ApiAccess.Verdict.UNAUTHORIZED);
        assertThat(access.decide("/api/hooks", "GET", "the-token", null, null))
                .isEqualTo(ApiAccess.Verdict.UNAUTHORIZED);
        assertThat(access.decide("/api/hooks", "GET", null, null, null))
                .isEqualTo(ApiAccess.Verdict.UNAUTHORIZED);
        assertThat(access.decide("/api/hooks", "GET", null, "no-such-session", null))
                .isEqualTo(ApiAccess.Verdict.UNAUTHORIZED);
    }

    @Test
    void aSessionReadsWithoutACsrfTokenAndChangesOnlyWithIt() {
        assertThat(access.decide("/api/hooks", "GET", null, session.id(), null))
                .isEqualTo(ApiAccess.Verdict.ALLOWED);
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(access.decide("/api/hooks", method, null, session.id(), null))
                    .isEqualTo(ApiAccess.Verdict.CSRF_REFUSED);
            assertThat(access.decide("/api/hooks", method, null, session.id(), "forged"))
                    .isEqualTo(ApiAccess.Verdict.CSRF_REFUSED);
            assertThat(access.decide("/api/hooks", method, null, session.id(), session.csrfToken()))
                    .isEqualTo(ApiAccess.Verdict.ALLOWED);
        }
    }

    @Test
    void anotherSessionsCsrfTokenDoesNotCount() {
        ConsoleSession other = sessions.open();

        assertThat(access.decide("/api/hooks", "POST", null, session.id(), other.csrfToken()))
                .isEqualTo(ApiAccess.Verdict.CSRF_REFUSED);
    }

    @Test
    void theInternalApiTakesNoSession() {
        assertThat(access.decide("/api/internal/activity/x", "GET", null, session.id(), null))
                .isEqualTo(ApiAccess.Verdict.UNAUTHORIZED);
    }

    @Test
    void aClosedSessionAllowsNothing() {
        sessions.close(session.id());

        assertThat(access.decide("/api/hooks", "GET", null, session.id(), null))
                .isEqualTo(ApiAccess.Verdict.UNAUTHORIZED);
    }
}
