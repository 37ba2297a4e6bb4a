package io.hookstream.router;

import io.hookstream.iml.Iml;
import io.hookstream.router.outcomes.OutcomeSettings;
import io.hookstream.router.routing.EventRouter;
import io.hookstream.router.streams.RouterStreams;
import io.hookstream.router.streams.RouterStreamsHealthIndicator;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.schemas.topic.TopicProvisioner;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.support.kafka.KafkaSettings;
import io.hookstream.support.kafka.SystemTopics;
import io.hookstream.support.secrets.DataSealer;
import io.hookstream.webhook.pipeline.WebhookProcessor;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RouterConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventRouter eventRouter(
            HookstreamTopics topics,
            Clock clock,
            MeterRegistry meters,
            DataSealer sealer,
            RouterSettings settings,
            OutcomeSettings outcomes) {
        Iml iml = Iml.standard();
        return new EventRouter(
                new AppCatalog(new AppDefinitionParser(iml)),
                new WebhookProcessor(iml, clock),
                sealer,
                topics.names(),
                clock,
                meters,
                settings.formats(),
                outcomes.enabled());
    }

    /**
     * Depends on {@link SystemTopics} so that the source topics exist before the streams start;
     * refuses to start on events and hooks topics with different partition counts, since each task
     * reads the hooks of its own partition beside the events.
     */
    @Bean
    RouterStreams routerStreams(
            KafkaSettings kafka,
            RouterSettings settings,
            HookstreamTopics topics,
            EventRouter router,
            SystemTopics ensured,
            TopicProvisioner provisioner) {
        provisioner.requireCoPartitioned(
                List.of(
                        topics.eventsRaw().name(),
                        topics.eventsReplay().name(),
                        topics.hooks().name()));
        return new RouterStreams(kafka, settings, topics, router);
    }

    @Bean
    RouterStreamsHealthIndicator routerStreamsHealthIndicator(RouterStreams streams) {
        return new RouterStreamsHealthIndicator(streams);
    }
}
