package io.hookstream.ingress;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The HTTP edge: answers webhooks and publishes them to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngressApplication {

    /**
     * Each service reads its own {@code <name>.yml}, so that several can share one JVM (the
     * devstack).
     */
    public static final String CONFIG_NAME = "ingress-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IngressApplication.class)
                .main(IngressApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
