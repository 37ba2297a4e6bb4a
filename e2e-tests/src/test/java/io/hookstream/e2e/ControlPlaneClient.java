package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The control plane's API as a load scenario uses it, and the senders' side of a webhook. */
final class ControlPlaneClient {

    private final String baseUrl;
    private final String token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ControlPlaneClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    HttpResponse<String> control(String method, String path, @Nullable String body)
            throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    void putApp(String appId, String definition) throws IOException, InterruptedException {
        HttpResponse<String> put = control("PUT", "/api/apps/" + appId, definition);
        assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
    }

    /** Creates a dedicated hook and answers its JSON (hookId, url, triggerTopic, ...). */
    JsonNode createHook(String appId, String webhook, String userId)
            throws IOException, InterruptedException {
        HttpResponse<String> created =
                control(
                        "POST",
                        "/api/hooks",
                        "{\"appId\":\""
                                + appId
                                + "\",\"webhook\":\""
                                + webhook
                                + "\",\"userId\":\""
                                + userId
                                + "\",\"parameters\":{}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Services.JSON.readTree(created.body());
    }

    HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
