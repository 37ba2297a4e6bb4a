package io.hookstream.connections.api;

import io.hookstream.connections.console.ConsoleSessions;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every {@code /api} request carries {@code Authorization: Bearer <token>} or a console session
 * (see {@link ApiAccess}); the API document stays open, and health and metrics are on the
 * management port, apart from the API.
 */
@Component
class ApiTokenFilter implements WebFilter {

    private static final byte[] UNAUTHORIZED =
            ("{\"type\":\"/problems/401\",\"title\":\"Unauthorized\","
                            + "\"status\":401,\"detail\":\"a valid bearer token is required\"}")
                    .getBytes(StandardCharsets.UTF_8);

    private static final byte[] CSRF_REFUSED =
            ("{\"type\":\"/problems/403\",\"title\":\"Forbidden\",\"status\":403,"
                            + "\"detail\":\"a change made with a console session needs its "
                            + ConsoleSessions.CSRF_HEADER
                            + " header\"}")
                    .getBytes(StandardCharsets.UTF_8);

    private final ApiAccess access;

    ApiTokenFilter(ApiAccess access) {
        this.access = access;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getPath().value();
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            return chain.filter(exchange);
        }
        HttpCookie cookie = request.getCookies().getFirst(ConsoleSessions.COOKIE);
        ApiAccess.Verdict verdict =
                access.decide(
                        path,
                        request.getMethod().name(),
                        request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION),
                        cookie == null ? null : cookie.getValue(),
                        request.getHeaders().getFirst(ConsoleSessions.CSRF_HEADER));
        var response = exchange.getResponse();
        switch (verdict) {
            case ALLOWED -> {
                return chain.filter(exchange);
            }
            case UNAUTHORIZED -> {
                response.setStatusCode(HttpStatus.UNAUTHORIZED);
                response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                return problem(exchange, UNAUTHORIZED);
            }
            case CSRF_REFUSED -> {
                response.setStatusCode(HttpStatus.FORBIDDEN);
                return problem(exchange, CSRF_REFUSED);
            }
        }
        throw new IllegalStateException("unknown verdict " + verdict);
    }

    private static Mono<Void> problem(ServerWebExchange exchange, byte[] body) {
        var response = exchange.getResponse();
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
