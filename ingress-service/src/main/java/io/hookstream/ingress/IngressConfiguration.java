package io.hookstream.ingress;

import io.hookstream.iml.Iml;
import io.hookstream.ingress.hooks.HookDirectory;
import io.hookstream.ingress.limits.RateLimiter;
import io.hookstream.ingress.publish.EventIds;
import io.hookstream.ingress.publish.RawEventKeys;
import io.hookstream.ingress.publish.RawEventPublisher;
import io.hookstream.ingress.requests.RequestLog;
import io.hookstream.ingress.requests.RequestLogSettings;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.support.kafka.KafkaSettings;
import io.hookstream.support.kafka.TopicViews;
import io.hookstream.support.secrets.DataSealer;
import io.hookstream.webhook.pipeline.WebhookProcessor;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IngressConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Iml iml() {
        return Iml.standard();
    }

    @Bean
    WebhookProcessor webhookProcessor(Iml iml, Clock clock) {
        return new WebhookProcessor(iml, clock);
    }

    @Bean
    HookDirectory hookDirectory(
            TopicViews views,
            HookstreamTopics topics,
            Iml iml,
            IngressSettings settings,
            DataSealer sealer) {
        return new HookDirectory(
                views.open(topics.hooks()),
                views.open(topics.apps()),
                views.open(topics.connections()),
                sealer,
                new AppCatalog(new AppDefinitionParser(iml)),
                settings.lookupTimeout());
    }

    @Bean
    RawEventPublisher rawEventPublisher(
            KafkaSettings kafka,
            HookstreamTopics topics,
            IngressSettings settings,
            @Value("${spring.application.name}") String application) {
        return new RawEventPublisher(
                kafka.bootstrapServers(),
                application + "-publisher",
                topics.eventsRaw(),
                settings.publishTimeout(),
                new RawEventPublisher.Batching(
                        settings.producerLinger(),
                        settings.producerCompression(),
                        (int) settings.producerBatchSize().toBytes()));
    }

    @Bean
    RequestLog requestLog(
            RequestLogSettings settings,
            KafkaSettings kafka,
            HookstreamTopics topics,
            EventIds ids,
            MeterRegistry meters,
            @Value("${spring.application.name}") String application) {
        return new RequestLog(
                settings,
                kafka.bootstrapServers(),
                application + "-request-log",
                topics.requests(),
                ids,
                meters);
    }

    /**
     * Buckets of hooks that went quiet are dropped once per rate-limit period, so memory follows
     * active hooks only.
     */
    @Bean(destroyMethod = "dispose")
    reactor.core.Disposable rateLimiterEviction(RateLimiter limiter, IngressSettings settings) {
        return reactor.core.publisher.Flux.interval(settings.rateLimitPeriod())
                .subscribe(tick -> limiter.evictIdle());
    }

    @Bean
    RateLimiter rateLimiter() {
        return new RateLimiter();
    }

    @Bean
    RawEventKeys rawEventKeys(IngressSettings settings) {
        return new RawEventKeys(settings.sharedEventKey());
    }

    @Bean
    EventIds eventIds(Clock clock) {
        return new EventIds(clock);
    }
}
