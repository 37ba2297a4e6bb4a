package io.hookstream.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on loopback standing in for providers' APIs (connection info, webhook attach
 * and detach), so that the control plane's outgoing calls leave the process and are recorded.
 * {@code /redirect/<host>/<port>/<path>} answers 302 to {@code http://<host>:<port>/<path>}.
 */
final class FakeProviderApi implements AutoCloseable {

    /** One request the control plane made. */
    record Call(String method, String path, String body) {}

    /**
     * A loopback address other than 127.0.0.1, so that the control plane can allow exactly this one
     * and still refuse 127.0.0.1 and {@code localhost}, where the services listen.
     */
    static final String ADDRESS = "127.0.0.2";

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    FakeProviderApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(ADDRESS, 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://" + ADDRESS + ":" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        calls.add(new Call(exchange.getRequestMethod(), path, body));
        String method = exchange.getRequestMethod();
        if (path.startsWith("/redirect/")) {
            // /redirect/<host>/<port>/<rest>: 302 to http://<host>:<port>/<rest>
            String[] parts = path.split("/", 5);
            exchange.getResponseHeaders()
                    .set(
                            "Location",
                            "http://"
                                    + parts[2]
                                    + ":"
                                    + parts[3]
                                    + "/"
                                    + (parts.length > 4 ? parts[4] : ""));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        String answer;
        int status = 200;
        if (method.equals("DELETE")) {
            status = 204;
            answer = "";
        } else if (path.endsWith("/me")
                || path.contains("auth.test")
                || path.contains("users/me")) {
            answer = "{\"ok\":true,\"id\":\"me-1\",\"team_id\":\"T1\",\"data\":{\"gid\":\"me-1\"}}";
        } else {
            // attach: every provider answers with the id of the subscription it created
            answer =
                    "{\"id\":\"sub-"
                            + calls.size()
                            + "\",\"data\":{\"gid\":\"sub-"
                            + calls.size()
                            + "\"}}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
