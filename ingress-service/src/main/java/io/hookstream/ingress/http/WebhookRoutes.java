package io.hookstream.ingress.http;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Webhook URLs: one per dedicated hook, one per shared webhook of an app; every HTTP method. */
@Configuration(proxyBeanMethods = false)
class WebhookRoutes {

    @Bean
    RouterFunction<ServerResponse> webhookRouter(WebhookHandler handler) {
        return RouterFunctions.route()
                .route(path("/hooks/{hookId}"), handler::dedicated)
                .route(path("/apps/{appId}/webhooks/{webhookName}"), handler::shared)
                .build();
    }
}
