package io.hookstream.support.kafka;

import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.schemas.topic.TopicNames;
import io.hookstream.schemas.topic.TopicProvisioner;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Kafka admin, topic names and provisioning, shared by every Hookstream service. */
@AutoConfiguration
@EnableConfigurationProperties({
    KafkaSettings.class,
    io.hookstream.support.secrets.SecretsSettings.class
})
public class HookstreamKafkaAutoConfiguration {

    /** {@code hookstream.topics.*}: any name not configured keeps its default. */
    @Bean
    @ConditionalOnMissingBean
    TopicNames topicNames(Environment environment) {
        return Binder.get(environment)
                .bind("hookstream.topics", TopicNames.class)
                .orElseGet(TopicNames::defaults);
    }

    @Bean
    @ConditionalOnMissingBean
    HookstreamTopics hookstreamTopics(TopicNames names) {
        return new HookstreamTopics(names);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Admin kafkaAdmin(
            KafkaSettings settings,
            @Value("${spring.application.name:hookstream}") String application) {
        return Admin.create(
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        settings.bootstrapServers(),
                        AdminClientConfig.CLIENT_ID_CONFIG,
                        application + "-admin",
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        10_000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        30_000));
    }

    @Bean
    @ConditionalOnMissingBean
    TopicProvisioner topicProvisioner(Admin admin, KafkaSettings settings) {
        return new TopicProvisioner(admin, settings.layout());
    }

    /** Creates the system topics before any view or stream of this service starts reading them. */
    @Bean
    SystemTopics systemTopics(
            TopicProvisioner provisioner, TopicNames names, KafkaSettings settings) {
        return new SystemTopics(provisioner, names, settings.startupTimeout());
    }

    /**
     * Lazy: only services that read or write connection data need the key, and those fail at start
     * (with what to configure) because they inject the sealer into a singleton.
     */
    @Bean
    @org.springframework.context.annotation.Lazy
    @ConditionalOnMissingBean
    io.hookstream.support.secrets.DataSealer dataSealer(
            io.hookstream.support.secrets.SecretsSettings settings) {
        return settings.sealer();
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin admin) {
        return new KafkaHealthIndicator(admin);
    }

    @Bean
    TopicViews topicViews(
            KafkaSettings settings,
            SystemTopics ensured,
            @Value("${spring.application.name:hookstream}") String application) {
        return new TopicViews(settings.bootstrapServers(), application);
    }
}
