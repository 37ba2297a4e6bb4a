package io.hookstream.connections.console;

import io.hookstream.connections.ControlPlaneSettings;
import io.hookstream.connections.api.ApiAccess;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The console's sessions, and the API's access rule that accepts them beside the token. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    ConsoleSessions consoleSessions(ConsoleSettings settings, Clock clock) {
        return new ConsoleSessions(settings, clock);
    }

    @Bean
    ApiAccess apiAccess(ControlPlaneSettings settings, ConsoleSessions sessions) {
        return new ApiAccess(settings.apiToken(), sessions);
    }
}
