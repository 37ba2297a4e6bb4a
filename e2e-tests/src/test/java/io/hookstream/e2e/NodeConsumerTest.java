package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * The Node example consumer ({@code examples/consumers/node}: kafkajs and the {@code cloudevents}
 * package from the npm registry, installed here with {@code npm ci}) reads the bundles of the
 * README's tours, sent as real webhooks through the ingress, from the embedded broker: a stock
 * kafkajs with no compression plugin, both content modes.
 */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0"
        })
@Timeout(240)
class NodeConsumerTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "consumers", "node");

    @Test
    void theNodeExampleReadsEveryBundleOfTheTours(EmbeddedKafkaBroker broker) throws Exception {
        requireTool("node");
        requireTool("npm");
        Process install =
                new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                        .directory(EXAMPLE.toFile())
                        .redirectErrorStream(true)
                        .start();
        String installed =
                new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(install.waitFor(120, TimeUnit.SECONDS)).as(installed).isTrue();
        assertThat(install.exitValue()).as(installed).isZero();

        try (RunningSystem hs = new RunningSystem(broker.getBrokersAsString())) {
            // the five-minute tour: one bundle per order item, in the default format
            HttpResponse<String> put =
                    hs.control(
                            "PUT",
                            "/api/apps/shop",
                            """
                            {"name": "Shop", "webhooks": {"orders": {"type": "dedicated", "spec": {
                              "iterate": "{{body.items}}",
                              "output": {"order": "{{body.id}}", "sku": "{{item.sku}}", "qty": "{{item.qty}}"}}}}}""");
            assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
            JsonNode alice = hs.createHook("shop", "orders", "alice", "{}");
            String order =
                    "{\"id\": 1001, \"items\": [{\"sku\": \"A-1\", \"qty\": 2}, {\"sku\": \"B-2\", \"qty\": 1}]}";
            String aliceEvent = accept(hs, alice.get("url").asString(), order);

            // the same tour for a hook whose bundles are structured CloudEvents
            HttpResponse<String> created =
                    hs.control(
                            "POST",
                            "/api/hooks",
                            "{\"appId\":\"shop\",\"webhook\":\"orders\",\"userId\":\"carol\","
                                    + "\"parameters\":{},\"bundleFormat\":\"cloudevents-structured\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode carol = RunningSystem.JSON.readTree(created.body());
            String carolEvent = accept(hs, carol.get("url").asString(), order);

            // the GitHub tour: a push signed as GitHub signs it
            JsonNode bob =
                    hs.createHook(
                            "github", "repository", "bob", "{\"secret\": \"my-github-secret\"}");
            String push =
                    "{\"ref\": \"refs/heads/main\", \"repository\": {\"full_name\": \"octo/hello\"}}";
            HttpResponse<String> signed =
                    hs.send(
                            "POST",
                            bob.get("url").asString(),
                            "application/json",
                            push,
                            "X-GitHub-Event",
                            "push",
                            "X-GitHub-Delivery",
                            "72d3162e",
                            "X-Hub-Signature-256",
                            "sha256=" + ProviderWebhooksTest.hmacHex("my-github-secret", push));
            assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
            String bobEvent = signed.headers().firstValue("hookstream-event-id").orElseThrow();

            List<JsonNode> printed =
                    runConsumer(
                            hs.bootstrapServers,
                            List.of(
                                    alice.get("triggerTopic").asString(),
                                    carol.get("triggerTopic").asString(),
                                    bob.get("triggerTopic").asString()),
                            5);

            assertThat(printed)
                    .extracting(line -> line.get("id").asString())
                    .containsExactlyInAnyOrder(
                            aliceEvent + ":0:" + alice.get("hookId").asString(),
                            aliceEvent + ":1:" + alice.get("hookId").asString(),
                            carolEvent + ":0:" + carol.get("hookId").asString(),
                            carolEvent + ":1:" + carol.get("hookId").asString(),
                            bobEvent + ":0:" + bob.get("hookId").asString());
            for (JsonNode line : printed) {
                assertThat(line.get("type").asString()).isEqualTo("io.hookstream.bundle");
                assertThat(line.get("subject").asString()).isEqualTo(line.get("hookid").asString());
                assertThat(line.get("partitionkey").asString())
                        .isEqualTo(line.get("hookid").asString());
            }
            JsonNode first = byId(printed, aliceEvent + ":0:" + alice.get("hookId").asString());
            assertThat(first.get("source").asString()).isEqualTo("/apps/shop/webhooks/orders");
            assertThat(first.get("userid").asString()).isEqualTo("alice");
            assertThat(first.get("eventid").asString()).isEqualTo(aliceEvent);
            assertThat(first.get("itemindex").asInt()).isZero();
            assertThat(first.get("data"))
                    .isEqualTo(
                            RunningSystem.JSON.readTree(
                                    "{\"order\":1001,\"sku\":\"A-1\",\"qty\":2}"));
            JsonNode structured =
                    byId(printed, carolEvent + ":1:" + carol.get("hookId").asString());
            assertThat(structured.get("data"))
                    .isEqualTo(
                            RunningSystem.JSON.readTree(
                                    "{\"order\":1001,\"sku\":\"B-2\",\"qty\":1}"));
            JsonNode github = byId(printed, bobEvent + ":0:" + bob.get("hookId").asString());
            assertThat(github.get("source").asString())
                    .isEqualTo("/apps/github/webhooks/repository");
            assertThat(github.get("data").toString()).contains("octo/hello");
        }
    }

    private static String accept(RunningSystem hs, String url, String body) throws Exception {
        HttpResponse<String> accepted = hs.send("POST", url, "application/json", body);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        return accepted.headers().firstValue("hookstream-event-id").orElseThrow();
    }

    private static JsonNode byId(List<JsonNode> printed, String id) {
        return printed.stream()
                .filter(line -> line.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Runs the example until it printed {@code max} distinct bundles; its stdout, line by line. */
    private static List<JsonNode> runConsumer(String bootstrap, List<String> topics, int max)
            throws Exception {
        Path stdout = Files.createTempFile("node-consumer", ".out");
        Path stderr = Files.createTempFile("node-consumer", ".err");
        // to files rather than pipes, so that a consumer that never stops cannot block the test
        ProcessBuilder builder =
                new ProcessBuilder("node", "consumer.js")
                        .directory(EXAMPLE.toFile())
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        env.put("HOOKSTREAM_BOOTSTRAP", bootstrap);
        env.put("HOOKSTREAM_TOPIC", String.join(",", topics));
        env.put("HOOKSTREAM_GROUP", "node-example-" + System.nanoTime());
        env.put("HOOKSTREAM_MAX", Integer.toString(max));
        Process node = builder.start();
        try {
            boolean stopped = node.waitFor(120, TimeUnit.SECONDS);
            assertThat(stopped)
                    .as(
                            "the consumer stops after %d bundles; it printed %s and %s",
                            max, Files.readString(stdout), Files.readString(stderr))
                    .isTrue();
        } finally {
            node.destroyForcibly();
        }
        String out = Files.readString(stdout);
        assertThat(node.exitValue()).as(Files.readString(stderr)).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                lines.add(RunningSystem.JSON.readTree(line));
            }
        }
        return lines;
    }

    /**
     * Node and npm are on every machine that builds Hookstream; without them this test says so
     * instead of failing on something it cannot run.
     */
    private static void requireTool(String tool) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            Assumptions.assumeTrue(
                    p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0,
                    tool + " --version failed: the Node consumer example is not tested");
        } catch (IOException e) {
            Assumptions.abort(
                    tool
                            + " is not on the PATH: the Node consumer example is not tested ("
                            + e.getMessage()
                            + ")");
        }
    }
}
