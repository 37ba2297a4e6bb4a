package io.hookstream.connections;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real HTTP server on 127.0.0.1 playing an outside service's API:
 *
 * <ul>
 *   <li>{@code GET /api/me}: the identity of the bearer token, {@code {id, email, name,
 *       session_secret}}; 401 {@code {"message": "token <token> is revoked"}} for an unknown token
 *       (providers do echo them);
 *   <li>{@code POST /webhooks}: registers the body's {@code target}, {@code 201 {"id": "ext-<n>"}},
 *       or {@link #attachStatus}; 401 without a known bearer token;
 *   <li>{@code DELETE /webhooks/{id}}: {@link #detachStatus}, 204 by default;
 *   <li>{@code GET /big}: a valid identity padded to {@link #BIG_BODY_BYTES};
 *   <li>{@code GET /slow}: answers only when released, to provoke a timeout.
 * </ul>
 *
 * Every request is recorded.
 */
final class FakeProvider implements AutoCloseable {

    /** A request as the provider saw it; header names lower-cased. */
    record Recorded(
            String method, String path, String query, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name);
        }
    }

    /** Larger than the response cap the tests configure. */
    static final int BIG_BODY_BYTES = 256 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, ObjectNode> identities = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger webhookIds = new AtomicInteger();
    private final Map<String, String> externalIds = new ConcurrentHashMap<>();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    volatile int attachStatus = 201;
    volatile int detachStatus = 204;

    FakeProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The token now stands for this identity; {@code sessionSecret} is a field the app's
     * log.sanitize masks.
     */
    void identity(String token, String id, String email, String name, String sessionSecret) {
        identities.put(
                token,
                JSON.createObjectNode()
                        .put("id", id)
                        .put("email", email)
                        .put("name", name)
                        .put("session_secret", sessionSecret));
    }

    void revoke(String token) {
        identities.remove(token);
    }

    /** The id this provider gave the webhook registered for {@code target}, or null. */
    String externalIdOf(String target) {
        return externalIds.get(target);
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    List<Recorded> requests(String method, String pathPrefix) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix))
                .toList();
    }

    /** A port on which nothing listens: bound, then released. */
    static int closedPort() throws IOException {
        try (ServerSocket socket =
                new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body =
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach(
                            (name, values) ->
                                    headers.put(
                                            name.toLowerCase(java.util.Locale.ROOT),
                                            String.join(", ", values)));
            String path = exchange.getRequestURI().getPath();
            String query =
                    exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : exchange.getRequestURI().getRawQuery();
            String method = exchange.getRequestMethod();
            requests.add(new Recorded(method, path, query, headers, body));
            String token = bearer(headers.get("authorization"));
            if (method.equals("GET") && path.equals("/api/me")) {
                JsonNode identity = token == null ? null : identities.get(token);
                if (identity == null) {
                    send(exchange, 401, "{\"message\":\"token " + token + " is revoked\"}");
                } else {
                    send(exchange, 200, identity.toString());
                }
            } else if (method.equals("POST") && path.equals("/webhooks")) {
                int status = attachStatus;
                if (status / 100 == 2 && token != null && identities.containsKey(token)) {
                    String externalId = "ext-" + webhookIds.incrementAndGet();
                    externalIds.put(JSON.readTree(body).path("target").asString(), externalId);
                    send(exchange, status, "{\"id\":\"" + externalId + "\"}");
                } else {
                    send(
                            exchange,
                            status / 100 == 2 ? 401 : status,
                            "{\"message\":\"not allowed\"}");
                }
            } else if (method.equals("DELETE") && path.startsWith("/webhooks/")) {
                int status = detachStatus;
                exchange.sendResponseHeaders(status, -1);
            } else if (path.equals("/big")) {
                send(
                        exchange,
                        200,
                        "{\"id\":\"big\",\"padding\":\"" + "x".repeat(BIG_BODY_BYTES) + "\"}");
            } else if (path.equals("/slow")) {
                releaseSlow.await(30, TimeUnit.SECONDS);
                send(exchange, 200, "{\"id\":\"late\"}");
            } else {
                send(exchange, 404, "{\"message\":\"no such endpoint\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring(7)
                : null;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        releaseSlow.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
