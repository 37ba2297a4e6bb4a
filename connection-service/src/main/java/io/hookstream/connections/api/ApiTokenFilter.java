package io.hookstream.connections.api;

import io.hookstream.connections.ControlPlaneSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every {@code /api} request carries {@code Authorization: Bearer <token>}; the API document stays
 * open, and health and metrics are on the management port, apart from the API.
 */
@Component
class ApiTokenFilter implements WebFilter {

    private static final byte[] UNAUTHORIZED =
            ("{\"type\":\"/problems/401\",\"title\":\"Unauthorized\","
                            + "\"status\":401,\"detail\":\"a valid bearer token is required\"}")
                    .getBytes(StandardCharsets.UTF_8);

    private final byte[] expected;

    ApiTokenFilter(ControlPlaneSettings settings) {
        this.expected = ("Bearer " + settings.apiToken()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")
                && !exchange.getRequest().getPath().value().equals("/api")) {
            return chain.filter(exchange);
        }
        String given = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        // constant time, so that the token cannot be guessed byte by byte from response times
        if (given != null
                && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            return chain.filter(exchange);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(UNAUTHORIZED)));
    }
}
