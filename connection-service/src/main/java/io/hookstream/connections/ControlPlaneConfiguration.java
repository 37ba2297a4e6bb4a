package io.hookstream.connections;

import io.hookstream.connections.activity.ActivityQueries;
import io.hookstream.connections.activity.ActivitySettings;
import io.hookstream.connections.activity.ActivityStreams;
import io.hookstream.connections.activity.ActivityTail;
import io.hookstream.connections.activity.OverviewReader;
import io.hookstream.connections.activity.RawEventReader;
import io.hookstream.connections.apps.RequestMasks;
import io.hookstream.connections.ids.RandomIds;
import io.hookstream.connections.remote.RemoteRequests;
import io.hookstream.connections.store.ControlPlaneStore;
import io.hookstream.iml.Iml;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.support.kafka.KafkaSettings;
import io.hookstream.support.kafka.TopicViews;
import io.hookstream.support.outbound.OutboundGuard;
import io.hookstream.support.outbound.OutboundSettings;
import io.hookstream.webhook.spec.AppDefinitionParser;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundSettings.class)
class ControlPlaneConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AppDefinitionParser appDefinitionParser() {
        return new AppDefinitionParser(Iml.standard());
    }

    @Bean
    AppCatalog appCatalog(AppDefinitionParser parser) {
        return new AppCatalog(parser);
    }

    /** Every request an app definition makes goes through it (connection info, attach, detach). */
    @Bean
    OutboundGuard outboundGuard(OutboundSettings outbound) {
        return OutboundGuard.of(outbound);
    }

    @Bean
    RemoteRequests remoteRequests(ControlPlaneSettings settings, OutboundGuard guard, Clock clock) {
        return new RemoteRequests(settings.remote(), guard, clock);
    }

    @Bean
    ActivityStreams activityStreams(
            KafkaSettings kafka, ActivitySettings settings, HookstreamTopics topics) {
        return new ActivityStreams(kafka, settings, topics);
    }

    @Bean
    ActivityQueries activityQueries(
            ActivityStreams streams, ActivitySettings settings, ControlPlaneSettings control) {
        return new ActivityQueries(streams, settings, control.apiToken());
    }

    @Bean
    ActivityTail activityTail(
            KafkaSettings kafka, HookstreamTopics topics, ActivitySettings settings) {
        return new ActivityTail(kafka, topics, settings);
    }

    @Bean
    OverviewReader overviewReader(
            KafkaSettings kafka, HookstreamTopics topics, ActivitySettings settings, Clock clock) {
        return new OverviewReader(kafka, topics.names(), settings, clock);
    }

    @Bean
    RawEventReader rawEventReader(
            KafkaSettings kafka, HookstreamTopics topics, ActivitySettings settings) {
        return new RawEventReader(kafka, topics, settings.queryTimeout());
    }

    @Bean
    RequestMasks requestMasks(ControlPlaneStore store, AppCatalog catalog) {
        return new RequestMasks(store, catalog);
    }

    @Bean
    RandomIds randomIds() {
        return new RandomIds();
    }

    @Bean
    ControlPlaneStore controlPlaneStore(
            KafkaSettings kafka,
            HookstreamTopics topics,
            TopicViews views,
            ControlPlaneSettings settings,
            @Value("${spring.application.name}") String application) {
        return new ControlPlaneStore(
                kafka.bootstrapServers(),
                application + "-store",
                topics,
                views,
                settings.writeTimeout());
    }
}
