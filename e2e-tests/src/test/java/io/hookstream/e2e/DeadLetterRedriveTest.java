package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.cli.HookstreamCli;
import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.bundle.Bundle;
import io.hookstream.schemas.bundle.BundleReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * An app whose spec fails at run time sends its events to the dead-letter topic, with the raw event
 * and the failing directive; after the spec is fixed, {@code hookstream dlq redrive} brings the
 * same event (same event id, hence the same bundle id) to the user's trigger topic.
 */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0"
        })
@Timeout(180)
class DeadLetterRedriveTest {

    private static RunningSystem hs;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) throws Exception {
        hs = new RunningSystem(broker.getBrokersAsString());
    }

    @AfterAll
    static void stop() {
        hs.close();
    }

    @Test
    void anEventThatFailedIsDeliveredOnceByRedriveAfterTheSpecIsFixed() throws Exception {
        // Given an app that iterates over body.items, and a sender whose items are not an array
        putApp(
                """
            {"name": "Broken shop", "webhooks": {"orders": {"type": "dedicated", "spec": {
              "iterate": "{{body.items}}", "output": {"sku": "{{item.sku}}"}}}}}""");
        String user = "redrive-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode hook = hs.createHook("broken-shop", "orders", user, "{}");
        String hookId = hook.get("hookId").asString();
        RouterBarrier.awaitHooksApplied(
                hs.bootstrapServers,
                "hookstream-router",
                hs.topics.hooks().name(),
                Duration.ofSeconds(60));
        String body = "{\"order\":7,\"items\":\"A-1\"}";
        Instant sent = Instant.now();

        // When it is sent: accepted (stored), but the router cannot process it
        HttpResponse<String> accepted =
                hs.send("POST", hook.get("url").asString(), "application/json", body);

        assertThat(accepted.statusCode()).isEqualTo(200);
        String eventId = accepted.headers().firstValue("hookstream-event-id").orElseThrow();
        DeadLetter letter = deadLettersOf(eventId, 1).get(0);
        assertThat(letter.getHookId()).as(letter.toString()).isEqualTo(hookId);
        assertThat(letter.getError()).as(letter.toString()).contains("array");
        assertThat(letter.getAppId()).isEqualTo("broken-shop");
        assertThat(letter.getStage()).isNotBlank();
        assertThat(letter.getDirectivePath()).contains("iterate");
        assertThat(letter.getErrorCode()).isEqualTo("WEBHOOK-ITERATE");
        assertThat(letter.getError()).contains("array");
        assertThat(letter.getFailedAt()).isAfterOrEqualTo(sent.minusSeconds(1));
        assertThat(letter.getSourceTopic()).isEqualTo(hs.topics.eventsRaw().name());
        assertThat(letter.getEvent().getEventId()).isEqualTo(eventId);
        assertThat(StandardCharsets.UTF_8.decode(letter.getEvent().getBody()).toString())
                .isEqualTo(body);
        assertThat(bundles(user, 0, Duration.ofSeconds(1)))
                .as("nothing reached the user")
                .isEmpty();

        Cli list = hookstream("dlq", "list", "--hook", hookId);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines().toList())
                .singleElement()
                .satisfies(
                        line -> {
                            JsonNode json = RunningSystem.JSON.readTree(line);
                            assertThat(json.get("eventId").asString()).isEqualTo(eventId);
                            assertThat(json.get("directivePath").asString()).contains("iterate");
                            assertThat(json.get("errorCode").asString())
                                    .isEqualTo("WEBHOOK-ITERATE");
                        });

        // When the spec is fixed and the dead letter redriven
        putApp(
                """
            {"name": "Fixed shop", "webhooks": {"orders": {"type": "dedicated", "spec": {
              "output": {"order": "{{body.order}}", "items": "{{body.items}}"}}}}}""");
        Cli redrive = redriveUntilDelivered(user, hookId, eventId);

        // Then the original event is the user's bundle, once, with its original id
        assertThat(redrive.out())
                .isEqualTo("dead letters 1, matched 1, already redriven 0, redriven 1\n");
        List<Bundle> delivered = bundles(user, 1, Duration.ofSeconds(60));
        assertThat(delivered)
                .extracting(Bundle::bundleId)
                .containsExactly(eventId + ":0:" + hookId);
        assertThat(RunningSystem.JSON.readTree(delivered.get(0).output()))
                .isEqualTo(RunningSystem.JSON.readTree("{\"order\":7,\"items\":\"A-1\"}"));

        Cli again = hookstream("dlq", "redrive", "--hook", hookId);
        assertThat(again.out())
                .isEqualTo("dead letters 1, matched 1, already redriven 1, redriven 0\n");
        assertThat(bundles(user, 1, Duration.ofSeconds(5))).hasSize(1);
    }

    /**
     * The router learns of the fixed spec from the apps topic, independently of the replay topic;
     * if the redriven event overtook the fix, it fails again as a new dead letter, which the next
     * redrive picks up. In practice the fix has arrived long before the command has read the
     * topics, so the first redrive delivers.
     */
    private Cli redriveUntilDelivered(String user, String hookId, String eventId) {
        Cli first = hookstream("dlq", "redrive", "--hook", hookId);
        assertThat(first.exitCode()).as(first.err()).isZero();
        for (int redriven = 1; redriven <= 4; redriven++) {
            if (!bundles(user, 1, Duration.ofSeconds(20)).isEmpty()) {
                return first;
            }
            if (deadLettersOf(eventId, 0).size() > redriven) {
                assertThat(hookstream("dlq", "redrive", "--hook", hookId).out())
                        .endsWith("redriven 1\n");
            }
        }
        throw new AssertionError("the redriven event " + eventId + " did not become a bundle");
    }

    private void putApp(String definition) throws Exception {
        HttpResponse<String> put = hs.control("PUT", "/api/apps/broken-shop", definition);
        assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
    }

    private List<DeadLetter> deadLettersOf(String eventId, int expected) {
        return hs
                .read(
                        hs.topics.eventsDlq().name(),
                        hs.topics.eventsDlq().valueSerde().deserializer(),
                        expected,
                        Duration.ofSeconds(60))
                .stream()
                .map(ConsumerRecord::value)
                .filter(l -> l.getEventId().equals(eventId))
                .toList();
    }

    private List<Bundle> bundles(String user, int expected, Duration timeout) {
        return hs
                .read("hookstream.triggers." + user, new BundleReader(), expected, timeout)
                .stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    private Cli hookstream(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--bootstrap-servers";
        all[args.length + 1] = hs.bootstrapServers;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode =
                new CommandLine(new HookstreamCli())
                        .setOut(new PrintWriter(out, true))
                        .setErr(new PrintWriter(err, true))
                        .execute(all);
        return new Cli(exitCode, out.toString(), err.toString());
    }

    record Cli(int exitCode, String out, String err) {}
}
