package io.hookstream.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Registers every {@code *.json} of a folder as an app, through the control plane's public API, so
 * the examples are validated exactly as a user's app would be. The app id is the file name without
 * {@code .json}.
 */
final class ExampleApps {

    /** One file's outcome: the HTTP status and, for a refusal, the answer body. */
    record Loaded(String appId, int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private ExampleApps() {}

    static List<Loaded> load(Path folder, String controlUrl, String apiToken)
            throws IOException, InterruptedException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files =
                    listing.filter(p -> p.getFileName().toString().endsWith(".json"))
                            .sorted()
                            .toList();
        }
        List<Loaded> loaded = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String appId = name.substring(0, name.length() - ".json".length());
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(controlUrl + "/api/apps/" + appId))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofFile(file));
            if (!apiToken.isEmpty()) {
                request.header("Authorization", "Bearer " + apiToken);
            }
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            loaded.add(new Loaded(appId, response.statusCode(), response.body()));
        }
        return loaded;
    }
}
