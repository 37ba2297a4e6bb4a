package io.hookstream.router.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** The router is healthy while its streams run or rebalance. */
public final class RouterStreamsHealthIndicator extends AbstractHealthIndicator {

    private final RouterStreams streams;

    public RouterStreamsHealthIndicator(RouterStreams streams) {
        this.streams = streams;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams.State state = streams.state();
        (state.isRunningOrRebalancing() ? builder.up() : builder.down())
                .withDetail("state", state.name());
    }
}
