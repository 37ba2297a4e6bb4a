package io.hookstream.router;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The router: turns raw events into bundles on per-user trigger topics. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RouterApplication {

    /**
     * Each service reads its own {@code <name>.yml}, so that several can share one JVM (the
     * devstack).
     */
    public static final String CONFIG_NAME = "router-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(RouterApplication.class)
                .main(RouterApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
