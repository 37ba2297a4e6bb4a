package io.hookstream.cli.apps;

import io.hookstream.cli.ControlPlaneConnection;
import io.hookstream.iml.Iml;
import io.hookstream.webhook.makeapp.ImportProblem;
import io.hookstream.webhook.makeapp.MakeAppException;
import io.hookstream.webhook.makeapp.MakeAppImport;
import io.hookstream.webhook.makeapp.MakeAppImporter;
import io.hookstream.webhook.makeapp.ProjectSource;
import io.hookstream.webhook.spec.AppDefinitionParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code hookstream apps import DIR --app-id ID}: converts a Make Apps SDK project here, with the
 * same parser the control plane uses, then registers the result with {@code PUT /api/apps/{appId}}.
 * A project that cannot be imported never reaches the control plane.
 */
@Command(
        name = "import",
        description = {
            "Import a Make Apps SDK project (a directory with makecomapp.json) as a Hookstream app.",
            "Prints {\"appId\", \"webhooks\", \"warnings\"} as JSON; exits 1 with the file and JSON pointer"
                    + " of every problem when the project cannot be imported, and 1 when the control plane refuses it."
        })
public final class AppsImportCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Spec @Nullable CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project directory.")
    @Nullable Path directory;

    @Option(
            names = "--app-id",
            required = true,
            paramLabel = "ID",
            description = "The id to register the app under.")
    String appId = "";

    @Option(
            names = "--dry-run",
            description = "Convert and check only; print what would be registered.")
    boolean dryRun;

    @Mixin ControlPlaneConnection control = new ControlPlaneConnection();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (spec == null || directory == null) {
            throw new IllegalStateException("runs only through picocli, which injects its spec");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(directory)) {
            err.println("not a directory: " + directory);
            err.flush();
            return 1;
        }
        MakeAppImport imported;
        try {
            imported =
                    new MakeAppImporter(new AppDefinitionParser(Iml.standard()))
                            .importProject(appId, ProjectSource.directory(directory));
        } catch (MakeAppException e) {
            err.println("cannot import " + directory + ":");
            for (ImportProblem problem : e.problems()) {
                err.println("  " + problem);
            }
            err.flush();
            return 1;
        }
        ObjectNode summary = imported.summary();
        if (!dryRun) {
            HttpResponse<String> answer = put(imported.definition());
            if (answer.statusCode() / 100 != 2) {
                err.println(
                        "the control plane answered "
                                + answer.statusCode()
                                + ": "
                                + detail(answer.body()));
                err.flush();
                return 1;
            }
            JsonNode stored = JSON.readTree(answer.body());
            if (stored.has("version")) {
                summary.set("version", stored.get("version"));
            }
        }
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        out.flush();
        return 0;
    }

    private HttpResponse<String> put(JsonNode definition) throws IOException, InterruptedException {
        String url =
                (control.controlUrl.endsWith("/")
                                ? control.controlUrl.substring(0, control.controlUrl.length() - 1)
                                : control.controlUrl)
                        + "/api/apps/"
                        + URLEncoder.encode(appId, StandardCharsets.UTF_8).replace("+", "%20");
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(definition.toString()));
        String token = control.token();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The problem's detail and its problems, or the body as it came. */
    private static String detail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.hasNonNull("detail")) {
                return problem.get("detail").asString()
                        + (problem.has("problems") ? " " + problem.get("problems") : "");
            }
        } catch (RuntimeException e) {
            // not a problem document
        }
        return body;
    }
}
