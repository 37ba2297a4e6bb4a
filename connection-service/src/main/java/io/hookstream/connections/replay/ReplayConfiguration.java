package io.hookstream.connections.replay;

import io.hookstream.connections.ids.RandomIds;
import io.hookstream.operations.replay.WindowReplay;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.support.kafka.KafkaSettings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {

    @Bean
    WindowReplay windowReplay(KafkaSettings kafka, HookstreamTopics topics) {
        return new WindowReplay(
                kafka.bootstrapServers(),
                topics.eventsRaw().name(),
                topics.eventsReplay().name(),
                "hookstream-control-replay");
    }

    @Bean(destroyMethod = "close")
    Replays replays(WindowReplay replay, RandomIds ids, Clock clock, ReplaySettings settings) {
        return new Replays(replay, ids, clock, settings.keptReplays());
    }
}
