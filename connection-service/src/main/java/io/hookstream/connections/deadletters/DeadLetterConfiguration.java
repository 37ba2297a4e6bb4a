package io.hookstream.connections.deadletters;

import io.hookstream.connections.api.ReadPermits;
import io.hookstream.connections.ids.RandomIds;
import io.hookstream.operations.deadletters.DeadLetterListing;
import io.hookstream.operations.deadletters.DeadLetterRedrive;
import io.hookstream.operations.deadletters.DeadLetterTopics;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.support.kafka.KafkaSettings;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConfiguration.class);

    @Bean
    DeadLetterTopics deadLetterTopics(KafkaSettings kafka, HookstreamTopics topics) {
        return new DeadLetterTopics(
                kafka.bootstrapServers(), topics.eventsDlq().name(), topics.eventsReplay().name());
    }

    @Bean
    ReadPermits deadLetterReadPermits(DeadLetterSettings settings) {
        return new ReadPermits(settings.concurrentReads(), "dead-letter reads");
    }

    @Bean
    DeadLetterListing deadLetterListing(DeadLetterTopics topics) {
        return new DeadLetterListing(topics, "hookstream-control-dlq", log::warn);
    }

    @Bean
    DeadLetterRedrive deadLetterRedrive(DeadLetterTopics topics) {
        return new DeadLetterRedrive(topics, "hookstream-control-redrive", log::warn);
    }

    @Bean(destroyMethod = "close")
    Redrives redrives(
            DeadLetterRedrive redrive,
            ReadPermits permits,
            RandomIds ids,
            Clock clock,
            DeadLetterSettings settings) {
        return new Redrives(redrive, permits, ids, clock, settings.keptRedrives());
    }
}
