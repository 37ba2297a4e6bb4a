package io.hookstream.connections;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The control plane: apps, connections and hooks, stored on compacted topics. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConnectionServiceApplication {

    /**
     * Each service reads its own {@code <name>.yml}, so that several can share one JVM (the
     * devstack).
     */
    public static final String CONFIG_NAME = "connection-service";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ConnectionServiceApplication.class)
                .main(ConnectionServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
