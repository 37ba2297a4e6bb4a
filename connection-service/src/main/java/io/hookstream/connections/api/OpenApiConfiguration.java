package io.hookstream.connections.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description springdoc serves at {@code /v3/api-docs}, outside {@code /api} so that tools
 * can read it without the token; it declares the bearer token every operation needs.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI controlPlaneOpenApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Hookstream control plane")
                                .description(
                                        "Apps, connections (checked with the app's info request) and hooks, stored on compacted Kafka topics."))
                .components(
                        new Components()
                                .addSecuritySchemes(
                                        BEARER,
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
