package io.hookstream.support.kafka;

import io.hookstream.schemas.topic.TopicNames;
import io.hookstream.schemas.topic.TopicProvisioner;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks that the system topics exist. Built at start, retrying while the broker is not reachable
 * yet, so that services and the broker may start in any order within the startup timeout.
 */
public final class SystemTopics {

    private static final Logger log = LoggerFactory.getLogger(SystemTopics.class);

    public SystemTopics(TopicProvisioner provisioner, TopicNames names, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                provisioner.ensureSystemTopics(names);
                return;
            } catch (IllegalStateException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "Kafka not reachable within " + timeout + ": " + e.getMessage(), e);
                }
                log.warn("event=kafka_not_ready retry_in=1s reason=\"{}\"", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(
                            "interrupted while waiting for Kafka", interrupted);
                }
            }
        }
    }
}
