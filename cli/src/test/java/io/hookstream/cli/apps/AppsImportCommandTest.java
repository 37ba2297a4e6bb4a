package io.hookstream.cli.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hookstream.cli.HookstreamCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs {@code hookstream apps import} in-process on a small project. */
class AppsImportCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir Path dir;

    private record Run(int exitCode, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new HookstreamCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private void project(String communication) throws IOException {
        write(
                "makecomapp.json",
                """
                {
                  // one webhook, one instant trigger, one RPC
                  "fileVersion": 1,
                  "components": {
                    "webhook": {"orders": {"webhookType": "web"}},
                    "rpc": {"listStores": {"codeFiles": {}}},
                  },
                }
                """);
        write("webhooks/orders/orders.communication.iml.json", communication);
    }

    @Test
    void aDryRunPrintsTheWebhooksAndWarningsWithoutAControlPlane() throws IOException {
        project("{\"output\": \"{{body.order}}\" /* the order */}");

        Run run =
                run(
                        "apps",
                        "import",
                        dir.toString(),
                        "--app-id",
                        "shop",
                        "--dry-run",
                        "--control-url",
                        "http://127.0.0.1:1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = JSON.readTree(run.out());
        assertThat(summary.path("appId").stringValue()).isEqualTo("shop");
        assertThat(summary.path("webhooks").get(0).stringValue()).isEqualTo("orders");
        assertThat(summary.path("warnings").get(0).path("pointer").stringValue())
                .isEqualTo("/components/rpc/listStores");
    }

    @Test
    void aProjectThatCannotBeImportedExitsOneNamingFileAndPointer() throws IOException {
        project("{\"output\": {\"id\": \"{{body.order.\"}}");

        Run run = run("apps", "import", dir.toString(), "--app-id", "shop", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("webhooks/orders/orders.communication.iml.json#/output/id");
    }

    @Test
    void registersTheConvertedAppWithTheControlPlane() throws IOException {
        project("{\"output\": \"{{body.order}}\"}");
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    try (exchange) {
                        received.add(
                                exchange.getRequestMethod()
                                        + " "
                                        + exchange.getRequestURI().getPath()
                                        + " "
                                        + exchange.getRequestHeaders().getFirst("Authorization")
                                        + " "
                                        + new String(
                                                exchange.getRequestBody().readAllBytes(),
                                                StandardCharsets.UTF_8));
                        byte[] body =
                                "{\"appId\":\"shop\",\"version\":3}"
                                        .getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                    }
                });
        server.start();
        try {
            Run run =
                    run(
                            "apps",
                            "import",
                            dir.toString(),
                            "--app-id",
                            "shop",
                            "--control-url",
                            "http://127.0.0.1:" + server.getAddress().getPort(),
                            "--token",
                            "t-1");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(JSON.readTree(run.out()).path("version").asLong()).isEqualTo(3);
            assertThat(received)
                    .singleElement()
                    .asString()
                    .startsWith("PUT /api/apps/shop Bearer t-1 {")
                    .contains("\"orders\"");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRefusalOfTheControlPlaneExitsOne() throws IOException {
        project("{\"output\": \"{{body.order}}\"}");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    try (exchange) {
                        byte[] body =
                                "{\"detail\":\"missing or wrong token\"}"
                                        .getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(401, body.length);
                        exchange.getResponseBody().write(body);
                    }
                });
        server.start();
        try {
            Run run =
                    run(
                            "apps",
                            "import",
                            dir.toString(),
                            "--app-id",
                            "shop",
                            "--control-url",
                            "http://127.0.0.1:" + server.getAddress().getPort());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("401").contains("missing or wrong token");
        } finally {
            server.stop(0);
        }
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
