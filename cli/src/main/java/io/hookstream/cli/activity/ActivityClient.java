package io.hookstream.cli.activity;

import io.hookstream.cli.ControlPlaneConnection;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a hook's activity from the control plane and prints each entry as one JSON line: a list
 * newest first, or a stream as entries come.
 */
final class ActivityClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ControlPlaneConnection control;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ActivityClient(ControlPlaneConnection control) {
        this.control = control;
    }

    /** Prints the entries under {@code field} of {@code GET path}; the exit code. */
    int list(String path, String field, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        HttpResponse<String> answer =
                http.send(
                        request(path).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return failed(answer.statusCode(), answer.body(), err);
        }
        for (JsonNode entry : JSON.readTree(answer.body()).path(field)) {
            out.println(JSON.writeValueAsString(entry));
        }
        out.flush();
        return 0;
    }

    /** Prints every {@code data:} of the event stream at {@code path} until it ends. */
    int follow(String path, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        HttpResponse<Stream<String>> answer =
                http.send(
                        request(path).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofLines());
        if (answer.statusCode() != 200) {
            return failed(answer.statusCode(), String.join("\n", answer.body().toList()), err);
        }
        try (Stream<String> lines = answer.body()) {
            lines.filter(line -> line.startsWith("data:"))
                    .forEach(
                            line -> {
                                out.println(line.substring("data:".length()).strip());
                                out.flush();
                            });
        }
        return 0;
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(stripSlash(control.controlUrl) + path));
        String token = control.token();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static int failed(int status, String body, PrintWriter err) {
        String detail = body;
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.hasNonNull("detail")) {
                detail = problem.get("detail").asString();
            }
        } catch (RuntimeException e) {
            // not a problem document: the body as it came
        }
        err.println("the control plane answered " + status + ": " + detail);
        err.flush();
        return status == 404 ? 3 : 1;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
