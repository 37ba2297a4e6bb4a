package io.hookstream.connections.console;

import io.hookstream.connections.ControlPlaneSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The console's entry points: the page (for a signed-in browser), the login form, the session's
 * CSRF token for the page's scripts, and logout. Everything else the pages show comes from the API.
 */
@RestController
class ConsoleController {

    private static final Logger log = LoggerFactory.getLogger(ConsoleController.class);

    private static final Resource INDEX = new ClassPathResource("static/console/index.html");
    private static final Resource LOGIN = new ClassPathResource("static/console/login.html");
    private static final URI CONSOLE = URI.create("/console/");
    private static final URI LOGIN_PAGE = URI.create("/console/login");
    private static final URI LOGIN_FAILED = URI.create("/console/login?failed");

    private final ConsoleSessions sessions;
    private final byte[] token;

    ConsoleController(ConsoleSessions sessions, ControlPlaneSettings settings) {
        this.sessions = sessions;
        this.token = settings.apiToken().getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping("/console")
    ResponseEntity<Void> root() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(CONSOLE).build();
    }

    /** The console for a live session; the login form otherwise. */
    @GetMapping("/console/")
    ResponseEntity<Resource> index(ServerWebExchange exchange) {
        if (session(exchange.getRequest()) == null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(LOGIN_PAGE).build();
        }
        return html(INDEX);
    }

    @GetMapping("/console/login")
    ResponseEntity<Resource> loginPage() {
        return html(LOGIN);
    }

    /**
     * The form posts the API token; a match opens a session whose id goes only into an HttpOnly,
     * SameSite=Strict cookie. The token is never put in a URL, and a failure says only that it
     * failed.
     */
    @PostMapping(path = "/console/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Void>> login(ServerWebExchange exchange) {
        if (!sameOrigin(exchange.getRequest())) {
            log.info("event=console_login result=cross_site");
            return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).build());
        }
        return exchange.getFormData()
                .map(
                        form -> {
                            String given = form.getFirst("token");
                            // constant time, as for the bearer header
                            if (given == null
                                    || !MessageDigest.isEqual(
                                            token,
                                            given.strip().getBytes(StandardCharsets.UTF_8))) {
                                log.info("event=console_login result=refused");
                                return ResponseEntity.status(HttpStatus.SEE_OTHER)
                                        .location(LOGIN_FAILED)
                                        .<Void>build();
                            }
                            ConsoleSession session = sessions.open();
                            log.info("event=console_login result=accepted");
                            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                                    .location(CONSOLE)
                                    .header(
                                            HttpHeaders.SET_COOKIE,
                                            cookie(exchange.getRequest(), session.id(), false)
                                                    .toString())
                                    .<Void>build();
                        });
    }

    /** The page's scripts read the CSRF token here; other sites cannot read this answer. */
    @GetMapping("/console/session")
    ResponseEntity<Map<String, Object>> sessionInfo(ServerWebExchange exchange) {
        ConsoleSession session = session(exchange.getRequest());
        if (session == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(
                        Map.of(
                                "csrfToken",
                                session.csrfToken(),
                                "csrfHeader",
                                ConsoleSessions.CSRF_HEADER,
                                "idleTimeoutSeconds",
                                sessions.timeout().toSeconds()));
    }

    /** Ends the session; like any change made with it, this needs its CSRF token. */
    @PostMapping("/console/logout")
    ResponseEntity<Void> logout(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        ConsoleSession session = session(request);
        if (session == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (!ConsoleSessions.csrfMatches(
                session, request.getHeaders().getFirst(ConsoleSessions.CSRF_HEADER))) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        sessions.close(session.id());
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie(request, "", true).toString())
                .build();
    }

    private @Nullable ConsoleSession session(ServerHttpRequest request) {
        HttpCookie cookie = request.getCookies().getFirst(ConsoleSessions.COOKIE);
        return cookie == null ? null : sessions.touch(cookie.getValue());
    }

    /**
     * Secure whenever the console is reached over HTTPS; a browser-session cookie, since the server
     * ends the session after its idle time anyway.
     */
    private static ResponseCookie cookie(ServerHttpRequest request, String value, boolean expire) {
        ResponseCookie.ResponseCookieBuilder cookie =
                ResponseCookie.from(ConsoleSessions.COOKIE, value)
                        .httpOnly(true)
                        .sameSite("Strict")
                        .path("/")
                        .secure("https".equals(request.getURI().getScheme()));
        if (expire) {
            cookie.maxAge(0);
        }
        return cookie.build();
    }

    /**
     * A login form posted from another site would sign the browser into that site's choice of
     * session. Browsers say where a request comes from in {@code Sec-Fetch-Site}; older ones only
     * in {@code Origin}, which must then name this host. (With {@code Referrer-Policy: no-referrer}
     * a browser sends {@code Origin: null} even from the console's own form, so that value alone
     * decides nothing.)
     */
    static boolean sameOrigin(ServerHttpRequest request) {
        String site = request.getHeaders().getFirst("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeaders().getOrigin();
        if (origin == null || origin.equals("null")) {
            return true;
        }
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        URI parsed;
        try {
            parsed = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String authority = parsed.getRawAuthority();
        return host != null && host.equalsIgnoreCase(authority);
    }

    private static ResponseEntity<Resource> html(Resource page) {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noStore())
                .body(page);
    }
}
