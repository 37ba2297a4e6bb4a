package io.hookstream.router.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.Iml;
import io.hookstream.router.routing.EventRouter;
import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.avro.EventOutcome;
import io.hookstream.schemas.avro.Header;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.avro.UnmatchedItem;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.support.secrets.DataSealer;
import io.hookstream.webhook.pipeline.WebhookProcessor;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every branch of the router topology on the TopologyTestDriver; broker-backed behaviour (EOS,
 * dynamic topics, restarts) is covered by the e2e tests. Each test asserts that the outputs it does
 * not expect stayed empty.
 */
class RouterTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final DataSealer SEALER =
            new DataSealer("k1", java.util.Map.of("k1", new byte[32]));
    private static final String APP =
            """
        {"connection": {"info": {"url": "https://api.example.test/me", "response": {"uid": "{{body.id}}"}}},
         "webhooks": {
          "orders": {"type": "dedicated", "spec": {
             "condition": "{{body.type != 'ping'}}",
             "iterate": "{{body.items}}",
             "output": {"sku": "{{item.sku}}", "order": "{{body.id}}", "secret": "{{parameters.label}}"}}},
          "plain": {"type": "dedicated", "spec": {}},
          "typed": {"type": "dedicated", "eventType": "com.shop.order.created", "spec": {}},
          "mine": {"type": "dedicated", "spec": {"condition": "{{body.account = connection.account}}", "output": {"x": "{{body.x}}"}}},
          "leaky": {"type": "dedicated", "spec": {"output": {"token": "{{connection.token}}", "x": "{{body.x}}"}}},
          "feed": {"type": "shared", "spec": {"iterate": "{{body.events}}", "uid": "{{item.account}}",
                   "output": {"account": "{{item.account}}", "n": "{{item.n}}"}}},
          "once": {"type": "dedicated", "spec": {"dedupe": {"key": "{{body.id}}", "window": 60}}},
          "onceItems": {"type": "dedicated", "spec": {"dedupe": "{{body.id}}", "iterate": "{{body.items}}"}},
          "badKey": {"type": "dedicated", "spec": {"dedupe": {"key": "{{body.a / 0}}"}}},
          "feedA": {"type": "shared", "spec": {"dedupe": "{{body.id}}", "uid": "{{body.account}}"}},
          "feedB": {"type": "shared", "spec": {"dedupe": "{{body.id}}", "uid": "{{body.account}}"}}}}""";

    private final HookstreamTopics topics = HookstreamTopics.defaults();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private org.apache.kafka.streams.TopologyDescription description;
    private TestInputTopic<String, RawWebhookEvent> raw;
    private TestInputTopic<String, RawWebhookEvent> replay;
    private TestInputTopic<String, Hook> hooks;
    private TestInputTopic<String, Connection> connections;
    private TestOutputTopic<String, TriggerBundle> alice;
    private TestOutputTopic<String, TriggerBundle> bob;
    private TestOutputTopic<String, DeadLetter> dlq;
    private TestOutputTopic<String, UnmatchedItem> unmatched;
    private TestOutputTopic<String, EventOutcome> outcomes;

    /** Tests tagged so run a router that writes no outcomes. */
    private static final String NO_OUTCOMES = "no-outcomes";

    @BeforeEach
    void startDriver(org.junit.jupiter.api.TestInfo test) throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "router-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("router-topology").toString());
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        config.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        Iml iml = Iml.standard();
        Clock clock = Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC);
        EventRouter router =
                new EventRouter(
                        new AppCatalog(new AppDefinitionParser(iml)),
                        new WebhookProcessor(iml, clock),
                        SEALER,
                        topics.names(),
                        clock,
                        meters,
                        io.hookstream.router.format.BundleFormats.defaults(),
                        !test.getTags().contains(NO_OUTCOMES));
        org.apache.kafka.streams.Topology topology = RouterTopology.build(topics, router, config);
        description = topology.describe();
        driver = new TopologyTestDriver(topology, config);

        var apps =
                driver.createInputTopic(
                        topics.apps().name(),
                        Serdes.String().serializer(),
                        topics.apps().valueSerde().serializer());
        apps.pipeInput(
                "shop",
                App.newBuilder()
                        .setAppId("shop")
                        .setDefinition(APP)
                        .setVersion(1)
                        .setUpdatedAt(T0)
                        .build());
        hooks =
                driver.createInputTopic(
                        topics.hooks().name(),
                        Serdes.String().serializer(),
                        topics.hooks().valueSerde().serializer());
        connections =
                driver.createInputTopic(
                        topics.connections().name(),
                        Serdes.String().serializer(),
                        topics.connections().valueSerde().serializer());
        hooks.pipeInput("h1", hook("h1", "orders"));
        hooks.pipeInput("h2", hook("h2", "plain"));
        raw =
                driver.createInputTopic(
                        topics.eventsRaw().name(),
                        Serdes.String().serializer(),
                        topics.eventsRaw().valueSerde().serializer());
        replay =
                driver.createInputTopic(
                        topics.eventsReplay().name(),
                        Serdes.String().serializer(),
                        topics.eventsReplay().valueSerde().serializer());
        alice =
                driver.createOutputTopic(
                        "hookstream.triggers.alice",
                        Serdes.String().deserializer(),
                        topics.triggerBundleSerde().deserializer());
        bob =
                driver.createOutputTopic(
                        "hookstream.triggers.bob",
                        Serdes.String().deserializer(),
                        topics.triggerBundleSerde().deserializer());
        dlq =
                driver.createOutputTopic(
                        topics.eventsDlq().name(),
                        Serdes.String().deserializer(),
                        topics.eventsDlq().valueSerde().deserializer());
        unmatched =
                driver.createOutputTopic(
                        topics.eventsUnmatched().name(),
                        Serdes.String().deserializer(),
                        topics.eventsUnmatched().valueSerde().deserializer());
        outcomes =
                driver.createOutputTopic(
                        topics.eventsOutcomes().name(),
                        Serdes.String().deserializer(),
                        topics.eventsOutcomes().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void eventsAndTheDeliveryOfSharedItemsAreSeparateSubTopologiesSoATaskOwnsOnlyItsOwnInputs() {
        // a task checks each of its input partitions before every record it processes, empty ones
        // included
        var inputs =
                description.subtopologies().stream()
                        .map(
                                sub ->
                                        sub.nodes().stream()
                                                .filter(
                                                        n ->
                                                                n
                                                                        instanceof
                                                                        org.apache.kafka.streams
                                                                                .TopologyDescription
                                                                                .Source)
                                                .flatMap(
                                                        n ->
                                                                ((org.apache.kafka.streams
                                                                                        .TopologyDescription
                                                                                        .Source)
                                                                                n)
                                                                        .topicSet().stream())
                                                .collect(java.util.stream.Collectors.toSet()))
                        .toList();

        assertThat(inputs)
                .contains(
                        java.util.Set.of(
                                topics.eventsRaw().name(),
                                topics.eventsReplay().name(),
                                topics.hooks().name(),
                                "hook-connection-join-subscription-response-topic"),
                        java.util.Set.of(
                                "shared-items-by-uid-repartition",
                                "subscriptions-by-uid-repartition"));
    }

    @Test
    void iteratedItemsBecomeOneBundleEachWithDeterministicIdsOnTheOwnersTopic() {
        raw.pipeInput(
                "h1",
                event(
                        "e1",
                        "h1",
                        "orders",
                        "{\"id\":7,\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}"));

        var records = alice.readRecordsToList();
        assertThat(records).extracting(r -> r.key()).containsExactly("h1", "h1");
        assertThat(records)
                .extracting(r -> r.value().getBundleId())
                .containsExactly("e1:0:h1", "e1:1:h1");
        assertThat(records)
                .extracting(r -> r.value().getOutput())
                .containsExactly(
                        "{\"sku\":\"a\",\"order\":7,\"secret\":\"L\"}",
                        "{\"sku\":\"b\",\"order\":7,\"secret\":\"L\"}");
        assertThat(records.get(0).value().getUserId()).isEqualTo("alice");
        assertThat(records.get(0).value().getReceivedAt()).isEqualTo(T0);
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(unmatched.isEmpty()).isTrue();
        assertThat(meters.counter("hookstream.router.bundles", "outcome", "emitted").count())
                .isEqualTo(2);
    }

    @Test
    @org.junit.jupiter.api.Tag(NO_OUTCOMES)
    void aRouterThatRecordsNoOutcomesDeliversTheSameBundlesAndWritesNoOutcome() {
        raw.pipeInput("h1", event("e1", "h1", "orders", "{\"id\":7,\"items\":[{\"sku\":\"a\"}]}"));
        raw.pipeInput("h1", event("e4", "h1", "orders", "{\"id\":1,\"items\":\"oops\"}"));

        assertThat(alice.readRecordsToList())
                .extracting(r -> r.value().getBundleId())
                .containsExactly("e1:0:h1");
        assertThat(dlq.readRecordsToList()).hasSize(1);
        assertThat(outcomes.readRecordsToList()).isEmpty();
    }

    @Test
    void eachDedicatedEventHasOneOutcomeKeyedByItsHookWithTheRequestMasked() {
        raw.pipeInput(
                "h1",
                RawWebhookEvent.newBuilder(
                                event(
                                        "e1",
                                        "h1",
                                        "orders",
                                        "{\"id\":7,\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}"))
                        .setHeaders(
                                List.of(
                                        new Header("content-type", "application/json"),
                                        new Header("authorization", "Bearer s3cret")))
                        .build());
        raw.pipeInput(
                "h1",
                event("e3", "h1", "orders", "{\"type\":\"ping\",\"items\":[{\"sku\":\"a\"}]}"));
        raw.pipeInput("h1", event("e4", "h1", "orders", "{\"id\":1,\"items\":\"oops\"}"));

        var records = outcomes.readRecordsToList();
        assertThat(records).extracting(r -> r.key()).containsExactly("h1", "h1", "h1");
        EventOutcome delivered = records.get(0).value();
        assertThat(delivered.getEventId()).isEqualTo("e1");
        assertThat(delivered.getOutcome()).isEqualTo("delivered");
        assertThat(delivered.getBundleIds()).containsExactly("e1:0:h1", "e1:1:h1");
        assertThat(delivered.getTriggerTopics()).containsExactly("hookstream.triggers.alice");
        assertThat(delivered.getSourceTopic()).isEqualTo(topics.eventsRaw().name());
        assertThat(delivered.getSourceOffset()).isEqualTo(0);
        assertThat(delivered.getHeaders())
                .extracting(h -> h.getName() + ": " + h.getValue())
                .containsExactly("content-type: application/json", "authorization: ********");
        // the body stays in the raw event the outcome points to; only its size is copied
        assertThat(delivered.getBodyPreview().remaining()).isZero();
        assertThat(delivered.getBodySize())
                .isEqualTo("{\"id\":7,\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}".length());
        assertThat(records.get(1).value().getOutcome()).isEqualTo("filtered");
        assertThat(records.get(1).value().getBundleIds()).isEmpty();
        EventOutcome dead = records.get(2).value();
        assertThat(dead.getOutcome()).isEqualTo("dead_letter");
        assertThat(dead.getStage()).isEqualTo("router");
        assertThat(dead.getDirectivePath()).contains("iterate");
        assertThat(dead.getError()).isNotBlank();
        assertThat(dead.getSourceOffset()).isEqualTo(2);
    }

    @Test
    void aSharedEventIsExpandedForItsAppWebhookAndEachItemDeliveredToEveryHookOrUnmatched() {
        connections.pipeInput("c1", connection("c1", "alice", "1"));
        connections.pipeInput("c2", connection("c2", "bob", "2"));
        hooks.pipeInput("s1", sharedHook("s1", "alice", "c1"));
        hooks.pipeInput("s2", sharedHook("s2", "bob", "c2"));
        hooks.pipeInput("s3", sharedHook("s3", "alice", "c1"));

        raw.pipeInput(
                "shop",
                shared(
                        "e8",
                        "[{\"account\":\"1\",\"n\":1},{\"account\":\"2\",\"n\":2},{\"account\":\"9\",\"n\":3}]"));

        Map<String, List<EventOutcome>> byKey = new java.util.HashMap<>();
        outcomes.readRecordsToList()
                .forEach(
                        r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));
        assertThat(byKey).containsOnlyKeys("shop/feed", "s1", "s2", "s3");
        assertThat(byKey.get("shop/feed"))
                .extracting(EventOutcome::getOutcome)
                .containsExactlyInAnyOrder("expanded", "unmatched");
        assertThat(byKey.get("shop/feed"))
                .filteredOn(o -> o.getOutcome().equals("unmatched"))
                .singleElement()
                .satisfies(o -> assertThat(o.getUnmatchedUids()).containsExactly("9"));
        assertThat(byKey.get("shop/feed"))
                .filteredOn(o -> o.getOutcome().equals("expanded"))
                .singleElement()
                .satisfies(
                        o -> assertThat(o.getSourceTopic()).isEqualTo(topics.eventsRaw().name()));
        assertThat(byKey.get("s1").get(0).getBundleIds()).containsExactly("e8:0:s1");
        assertThat(byKey.get("s3").get(0).getBundleIds()).containsExactly("e8:0:s3");
        assertThat(byKey.get("s2").get(0).getOutcome()).isEqualTo("delivered");
        assertThat(byKey.get("s2").get(0).getTriggerTopics())
                .containsExactly("hookstream.triggers.bob");
    }

    @Test
    void withoutDirectivesTheBodyIsTheOneBundle() {
        raw.pipeInput("h2", event("e2", "h2", "plain", "{\"a\":[1,2]}"));

        assertThat(alice.readValuesToList())
                .extracting(TriggerBundle::getOutput)
                .containsExactly("{\"a\":[1,2]}");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void aFalseConditionEmitsNothingAndCountsTheEventAsFiltered() {
        raw.pipeInput(
                "h1",
                event("e3", "h1", "orders", "{\"type\":\"ping\",\"items\":[{\"sku\":\"a\"}]}"));

        assertThat(alice.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(meters.counter("hookstream.router.events", "outcome", "filtered").count())
                .isEqualTo(1);
    }

    @Test
    void anIterateContainerThatIsNotAnArrayIsADeadLetterWithTheDirectivePath() {
        raw.pipeInput("h1", event("e4", "h1", "orders", "{\"id\":1,\"items\":\"oops\"}"));

        assertThat(alice.isEmpty()).isTrue();
        DeadLetter letter = dlq.readKeyValue().value;
        assertThat(letter.getEventId()).isEqualTo("e4");
        assertThat(letter.getDirectivePath()).contains("iterate");
        assertThat(letter.getSourceTopic()).isEqualTo(topics.eventsRaw().name());
        assertThat(letter.getEvent().getEventId()).isEqualTo("e4");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void anEventForAnUnknownHookIsADeadLetterNotADrop() {
        raw.pipeInput("nope", event("e5", "nope", "orders", "{}"));

        DeadLetter letter = dlq.readValue();
        assertThat(letter.getError()).contains("nope");
        assertThat(letter.getStage()).isEqualTo("router");
        // no directive failed and the reason has no code: both stay unset
        assertThat(letter.getDirectivePath()).isNull();
        assertThat(letter.getErrorCode()).isNull();
        assertThat(alice.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void replayedEventsAreProcessedLikeRawOnesWithTheSameBundleIds() {
        replay.pipeInput("h2", event("e6", "h2", "plain", "{\"x\":1}"));

        assertThat(alice.readValuesToList())
                .extracting(TriggerBundle::getBundleId)
                .containsExactly("e6:0:h2");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void aReplayedEventThatFailsAgainIsADeadLetterKeyedByItsEventThatNamesTheReplayTopic() {
        replay.pipeInput("h1", event("e6b", "h1", "orders", "{\"id\":1,\"items\":\"oops\"}"));

        var letter = dlq.readKeyValue();
        assertThat(letter.key).isEqualTo("e6b");
        assertThat(letter.value.getSourceTopic()).isEqualTo(topics.eventsReplay().name());
        assertThat(alice.isEmpty()).isTrue();
    }

    @Test
    void aRecordWithoutAnEventIsSkippedAndTheNextEventRouted() {
        raw.pipeInput("h2", (RawWebhookEvent) null);
        raw.pipeInput("h2", event("e6c", "h2", "plain", "{\"x\":1}"));

        assertThat(alice.readValuesToList())
                .extracting(TriggerBundle::getBundleId)
                .containsExactly("e6c:0:h2");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void dedicatedDirectivesSeeTheHooksConnectionDataOpened() {
        byte[] sealed =
                SEALER.seal("{\"account\":\"acct-42\"}".getBytes(StandardCharsets.UTF_8), "c9");
        connections.pipeInput(
                "c9",
                Connection.newBuilder(connection("c9", "alice", "1"))
                        .setData(ByteBuffer.wrap(sealed))
                        .setDataEncryption(SEALER.scheme())
                        .build());
        hooks.pipeInput("h9", Hook.newBuilder(hook("h9", "mine")).setConnectionId("c9").build());

        raw.pipeInput("h9", event("e20", "h9", "mine", "{\"account\":\"acct-42\",\"x\":5}"));
        raw.pipeInput("h9", event("e21", "h9", "mine", "{\"account\":\"acct-7\",\"x\":6}"));

        // the condition compared the body with the opened connection data: only the matching event
        // passes
        assertThat(alice.readValuesToList())
                .extracting(TriggerBundle::getOutput)
                .containsExactly("{\"x\":5}");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void eachEventSeesTheHooksParametersAndConnectionDataAsTheyAreWhenItIsRouted() {
        byte[] first =
                SEALER.seal("{\"account\":\"acct-1\"}".getBytes(StandardCharsets.UTF_8), "c10");
        connections.pipeInput(
                "c10",
                Connection.newBuilder(connection("c10", "alice", "1"))
                        .setData(ByteBuffer.wrap(first))
                        .setDataEncryption(SEALER.scheme())
                        .build());
        hooks.pipeInput("h10", Hook.newBuilder(hook("h10", "mine")).setConnectionId("c10").build());
        raw.pipeInput("h10", event("e30", "h10", "mine", "{\"account\":\"acct-1\",\"x\":1}"));
        raw.pipeInput("h10", event("e31", "h10", "mine", "{\"account\":\"acct-1\",\"x\":2}"));

        // the connection's data changes (a new account): later events are compared with the new
        // data
        byte[] second =
                SEALER.seal("{\"account\":\"acct-2\"}".getBytes(StandardCharsets.UTF_8), "c10");
        connections.pipeInput(
                "c10",
                Connection.newBuilder(connection("c10", "alice", "1"))
                        .setData(ByteBuffer.wrap(second))
                        .setDataEncryption(SEALER.scheme())
                        .build());
        raw.pipeInput("h10", event("e32", "h10", "mine", "{\"account\":\"acct-1\",\"x\":3}"));
        raw.pipeInput("h10", event("e33", "h10", "mine", "{\"account\":\"acct-2\",\"x\":4}"));

        // the hook's parameters change: the next event's output carries the new label
        raw.pipeInput("h1", event("e34", "h1", "orders", "{\"id\":1,\"items\":[{\"sku\":\"a\"}]}"));
        hooks.pipeInput(
                "h1",
                Hook.newBuilder(hook("h1", "orders")).setParameters("{\"label\":\"M\"}").build());
        raw.pipeInput("h1", event("e35", "h1", "orders", "{\"id\":2,\"items\":[{\"sku\":\"a\"}]}"));

        assertThat(alice.readValuesToList())
                .extracting(TriggerBundle::getOutput)
                .containsExactly(
                        "{\"x\":1}",
                        "{\"x\":2}",
                        "{\"x\":4}",
                        "{\"sku\":\"a\",\"order\":1,\"secret\":\"L\"}",
                        "{\"sku\":\"a\",\"order\":2,\"secret\":\"M\"}");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void anOutputThatWouldCarryConnectionDataIsADeadLetterNotABundle() {
        byte[] sealed =
                SEALER.seal(
                        "{\"token\":\"xoxb-secret-token\"}".getBytes(StandardCharsets.UTF_8), "c6");
        connections.pipeInput(
                "c6",
                Connection.newBuilder(connection("c6", "alice", "1"))
                        .setData(ByteBuffer.wrap(sealed))
                        .setDataEncryption(SEALER.scheme())
                        .build());
        hooks.pipeInput("h6", Hook.newBuilder(hook("h6", "leaky")).setConnectionId("c6").build());

        raw.pipeInput("h6", event("e23", "h6", "leaky", "{\"x\":1}"));

        assertThat(alice.isEmpty()).isTrue();
        DeadLetter letter = dlq.readValue();
        assertThat(letter.getErrorCode()).isEqualTo("CONNECTION_DATA_IN_OUTPUT");
        assertThat(letter.getError()).doesNotContain("xoxb-secret-token");
    }

    @Test
    void aHookWhoseConnectionTheRouterDoesNotKnowYetIsARedrivableDeadLetter() {
        hooks.pipeInput(
                "h7", Hook.newBuilder(hook("h7", "mine")).setConnectionId("c-unknown").build());

        raw.pipeInput("h7", event("e22", "h7", "mine", "{\"x\":5}"));

        assertThat(alice.isEmpty()).isTrue();
        DeadLetter letter = dlq.readValue();
        assertThat(letter.getErrorCode()).isEqualTo("CONNECTION_PENDING");
        assertThat(letter.getEvent().getEventId()).isEqualTo("e22");
    }

    @Test
    void connectionDataThatDoesNotOpenIsADeadLetterNotABundleWithoutIt() {
        connections.pipeInput(
                "c8",
                Connection.newBuilder(connection("c8", "alice", "1"))
                        .setData(
                                ByteBuffer.wrap(
                                        SEALER.seal(
                                                "{}".getBytes(StandardCharsets.UTF_8),
                                                "another-record")))
                        .setDataEncryption(SEALER.scheme())
                        .build());
        hooks.pipeInput("h8", Hook.newBuilder(hook("h8", "mine")).setConnectionId("c8").build());

        raw.pipeInput("h8", event("e21", "h8", "mine", "{\"x\":5}"));

        assertThat(alice.isEmpty()).isTrue();
        DeadLetter letter = dlq.readValue();
        assertThat(letter.getErrorCode()).isEqualTo("CONNECTION");
        assertThat(letter.getError()).contains("c8");
    }

    @Test
    void sharedItemsReachEverySubscriberOfTheirUidAndNobodyElse() {
        connections.pipeInput("c1", connection("c1", "alice", "1"));
        connections.pipeInput("c2", connection("c2", "bob", "2"));
        hooks.pipeInput("s1", sharedHook("s1", "alice", "c1"));
        hooks.pipeInput("s2", sharedHook("s2", "bob", "c2"));
        hooks.pipeInput("s3", sharedHook("s3", "alice", "c1"));

        raw.pipeInput(
                "shop",
                shared(
                        "e8",
                        "[{\"account\":\"1\",\"n\":1},{\"account\":\"2\",\"n\":2},{\"account\":\"9\",\"n\":3}]"));

        assertThat(alice.readValuesToList())
                .extracting(TriggerBundle::getBundleId)
                .containsExactlyInAnyOrder("e8:0:s1", "e8:0:s3");
        List<TriggerBundle> bobs = bob.readValuesToList();
        assertThat(bobs).extracting(TriggerBundle::getBundleId).containsExactly("e8:1:s2");
        assertThat(bobs.get(0).getOutput()).isEqualTo("{\"account\":\"2\",\"n\":2}");
        assertThat(bobs.get(0).getConnectionId()).isEqualTo("c2");
        var nobody = unmatched.readKeyValue();
        assertThat(nobody.key).isEqualTo("shop:9");
        assertThat(nobody.value.getItemIndex()).isEqualTo(2);
        assertThat(unmatched.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void routingFollowsUidChangesAndDeletedConnectionsAndHooks() {
        connections.pipeInput("c1", connection("c1", "alice", "1"));
        hooks.pipeInput("s1", sharedHook("s1", "alice", "c1"));
        raw.pipeInput("shop", shared("e9", "[{\"account\":\"1\"}]"));
        assertThat(alice.readValuesToList()).hasSize(1);

        // re-verified connection: the remote account is now 5
        connections.pipeInput("c1", connection("c1", "alice", "5"));
        raw.pipeInput("shop", shared("e10", "[{\"account\":\"1\"},{\"account\":\"5\"}]"));
        assertThat(alice.readValuesToList())
                .extracting(TriggerBundle::getBundleId)
                .containsExactly("e10:1:s1");
        assertThat(unmatched.readKeyValue().key).isEqualTo("shop:1");

        // deleted connection (tombstone): nobody owns uid 5 any more
        connections.pipeInput("c1", (Connection) null);
        raw.pipeInput("shop", shared("e11", "[{\"account\":\"5\"}]"));
        assertThat(alice.isEmpty()).isTrue();
        assertThat(unmatched.readKeyValue().key).isEqualTo("shop:5");

        // a connection back, but the hook deleted: still nobody
        connections.pipeInput("c1", connection("c1", "alice", "5"));
        hooks.pipeInput(
                "s1",
                Hook.newBuilder(sharedHook("s1", "alice", "c1"))
                        .setStatus(HookStatus.DELETED)
                        .build());
        raw.pipeInput("shop", shared("e12", "[{\"account\":\"5\"}]"));
        assertThat(alice.isEmpty()).isTrue();
        assertThat(unmatched.readKeyValue().key).isEqualTo("shop:5");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void aConnectionOfAnotherUserDoesNotSubscribeTheHook() {
        connections.pipeInput("c2", connection("c2", "bob", "2"));
        hooks.pipeInput("s1", sharedHook("s1", "alice", "c2"));

        raw.pipeInput("shop", shared("e13", "[{\"account\":\"2\"}]"));

        assertThat(alice.isEmpty()).isTrue();
        assertThat(bob.isEmpty()).isTrue();
        assertThat(unmatched.readKeyValue().key).isEqualTo("shop:2");
    }

    @Test
    void eachHooksBundlesAreWrittenInTheFormatItRecordsAndUnmatchedItemsInTheConfiguredOne() {
        var carol =
                driver.createOutputTopic(
                        "hookstream.triggers.carol",
                        Serdes.String().deserializer(),
                        new io.hookstream.schemas.bundle.BundleReader());
        hooks.pipeInput("c-default", carolHook("c-default", "default"));
        hooks.pipeInput("c-pinned", carolHook("c-pinned", "cloudevents-structured"));
        hooks.pipeInput("c-legacy", carolHook("c-legacy", null));
        // an inherited header that would pass for an attribute is not carried over
        var forged =
                new org.apache.kafka.common.header.internals.RecordHeaders()
                        .add("ce_id", "forged".getBytes(StandardCharsets.UTF_8));
        for (String hook : List.of("c-default", "c-pinned", "c-legacy")) {
            raw.pipeInput(
                    new org.apache.kafka.streams.test.TestRecord<>(
                            hook, event("f-" + hook, hook, "plain", "{\"n\":1}"), forged, T0));
        }
        connections.pipeInput("c1", connection("c1", "alice", "1"));
        hooks.pipeInput(
                "s1",
                Hook.newBuilder(sharedHook("s1", "alice", "c1"))
                        .setBundleFormat("default")
                        .build());
        var aliceCe =
                driver.createOutputTopic(
                        "hookstream.triggers.alice",
                        Serdes.String().deserializer(),
                        new io.hookstream.schemas.bundle.BundleReader());
        raw.pipeInput("shop", shared("f-shared", "[{\"account\":\"1\"},{\"account\":\"7\"}]"));

        var records = carol.readRecordsToList();
        assertThat(records)
                .extracting(r -> r.value().bundleId() + " " + r.value().format())
                .containsExactly(
                        "f-c-default:0:c-default cloudevents-binary",
                        "f-c-pinned:0:c-pinned cloudevents-structured",
                        "f-c-legacy:0:c-legacy avro");
        assertThat(records.get(0).headers().headers("ce_id"))
                .extracting(h -> new String(h.value(), StandardCharsets.UTF_8))
                .containsExactly("f-c-default:0:c-default");
        assertThat(records.get(0).headers().lastHeader("ce_partitionkey").value())
                .isEqualTo("c-default".getBytes(StandardCharsets.UTF_8));
        assertThat(records.get(1).headers().headers("ce_id")).isEmpty();
        assertThat(records).extracting(r -> r.value().output()).containsOnly("{\"n\":1}");
        assertThat(aliceCe.readValue().format())
                .isEqualTo(io.hookstream.schemas.bundle.BundleFormat.CLOUDEVENTS_BINARY);
        var nobody = unmatched.readRecord();
        assertThat(nobody.headers().lastHeader("ce_type").value())
                .isEqualTo("io.hookstream.unmatched".getBytes(StandardCharsets.UTF_8));
        assertThat(nobody.value().getUid()).isEqualTo("7");
    }

    @Test
    void aWebhookThatNamesItsEventTypeGivesItsBundlesThatType() {
        var carol =
                driver.createOutputTopic(
                        "hookstream.triggers.carol",
                        Serdes.String().deserializer(),
                        new io.hookstream.schemas.bundle.BundleReader());
        hooks.pipeInput(
                "c-typed",
                Hook.newBuilder(carolHook("c-typed", "default")).setWebhookName("typed").build());
        hooks.pipeInput("c-plain", carolHook("c-plain", "default"));

        raw.pipeInput("c-typed", event("t1", "c-typed", "typed", "{\"n\":1}"));
        raw.pipeInput("c-plain", event("t2", "c-plain", "plain", "{\"n\":2}"));

        assertThat(carol.readRecordsToList())
                .extracting(
                        r ->
                                new String(
                                        r.headers().lastHeader("ce_type").value(),
                                        StandardCharsets.UTF_8))
                .containsExactly("com.shop.order.created", "io.hookstream.bundle");
    }

    @Test
    void aSecondEventWithTheSameKeyForTheSameHookEmitsNoBundleAndIsRecordedAsDuplicate() {
        hooks.pipeInput("d1", hook("d1", "once"));

        raw.pipeInput("d1", event("e1", "d1", "once", "{\"id\":\"k1\"}"));
        raw.pipeInput("d1", event("e2", "d1", "once", "{\"id\":\"k1\"}"));

        assertThat(alice.readValuesToList())
                .extracting(TriggerBundle::getBundleId)
                .containsExactly("e1:0:d1");
        var records = outcomes.readRecordsToList();
        assertThat(records).extracting(r -> r.key()).containsExactly("d1", "d1");
        assertThat(records)
                .extracting(r -> r.value().getEventId() + " " + r.value().getOutcome())
                .containsExactly("e1 delivered", "e2 duplicate");
        EventOutcome duplicate = records.get(1).value();
        assertThat(duplicate.getBundleIds()).isEmpty();
        assertThat(duplicate.getSourceOffset()).isEqualTo(1);
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(meters.counter("hookstream.router.events", "outcome", "duplicate").count())
                .isEqualTo(1);
    }

    @Test
    void theSameKeyOnAnotherHookIsDelivered() {
        hooks.pipeInput("d1", hook("d1", "once"));
        hooks.pipeInput("d2", hook("d2", "once"));

        raw.pipeInput("d1", event("e1", "d1", "once", "{\"id\":\"k1\"}"));
        raw.pipeInput("d2", event("e2", "d2", "once", "{\"id\":\"k1\"}"));

        assertThat(alice.readValuesToList())
                .extracting(TriggerBundle::getBundleId)
                .containsExactly("e1:0:d1", "e2:0:d2");
        assertThat(outcomes.readValuesToList())
                .extracting(EventOutcome::getOutcome)
                .containsExactly("delivered", "delivered");
    }

    @Test
    void anEventWithoutAKeyIsDeliveredEveryTime() {
        hooks.pipeInput("d1", hook("d1", "once"));

        raw.pipeInput("d1", event("e1", "d1", "once", "{\"n\":1}"));
        raw.pipeInput("d1", event("e2", "d1", "once", "{\"n\":1}"));
        raw.pipeInput("d1", event("e3", "d1", "once", "{\"id\":\"\"}"));
        raw.pipeInput("d1", event("e4", "d1", "once", "{\"id\":\"\"}"));

        assertThat(alice.readValuesToList())
                .extracting(TriggerBundle::getBundleId)
                .containsExactly("e1:0:d1", "e2:0:d1", "e3:0:d1", "e4:0:d1");
        assertThat(meters.counter("hookstream.router.events", "outcome", "duplicate").count())
                .isZero();
    }

    @Test
    void afterTheWindowHasPassedTheKeyIsDeliveredAgainAndStartsANewWindow() {
        hooks.pipeInput("d1", hook("d1", "once"));

        onceAt("e1", 0);
        onceAt("e2", 59);
        onceAt("e3", 60);
        onceAt("e4", 119);
        onceAt("e5", 121);

        assertThat(alice.readValuesToList())
                .extracting(TriggerBundle::getBundleId)
                .containsExactly("e1:0:d1", "e3:0:d1", "e5:0:d1");
        assertThat(outcomes.readValuesToList())
                .extracting(o -> o.getEventId() + " " + o.getOutcome())
                .containsExactly(
                        "e1 delivered",
                        "e2 duplicate",
                        "e3 delivered",
                        "e4 duplicate",
                        "e5 delivered");
    }

    @Test
    void aReplayOfTheSameEventIsRoutedAgainWhileAnotherEventWithItsKeyIsADuplicate() {
        hooks.pipeInput("d1", hook("d1", "once"));

        raw.pipeInput("d1", event("e1", "d1", "once", "{\"id\":\"k1\"}"));
        replay.pipeInput("d1", event("e1", "d1", "once", "{\"id\":\"k1\"}"));
        raw.pipeInput("d1", event("e2", "d1", "once", "{\"id\":\"k1\"}"));

        assertThat(alice.readValuesToList())
                .extracting(TriggerBundle::getBundleId)
                .containsExactly("e1:0:d1", "e1:0:d1");
        assertThat(outcomes.readValuesToList())
                .extracting(o -> o.getEventId() + " " + o.getOutcome())
                .containsExactly("e1 delivered", "e1 delivered", "e2 duplicate");
    }

    @Test
    void anEventThatBecameADeadLetterLeavesItsKeyToTheNextEvent() {
        hooks.pipeInput("d1", hook("d1", "onceItems"));

        raw.pipeInput("d1", event("e1", "d1", "onceItems", "{\"id\":\"k1\",\"items\":\"oops\"}"));
        raw.pipeInput("d1", event("e2", "d1", "onceItems", "{\"id\":\"k1\",\"items\":[1]}"));
        raw.pipeInput("d1", event("e3", "d1", "onceItems", "{\"id\":\"k1\",\"items\":[1]}"));

        assertThat(dlq.readValuesToList()).extracting(DeadLetter::getEventId).containsExactly("e1");
        assertThat(alice.readValuesToList())
                .extracting(TriggerBundle::getBundleId)
                .containsExactly("e2:0:d1");
        assertThat(outcomes.readValuesToList())
                .extracting(o -> o.getEventId() + " " + o.getOutcome())
                .containsExactly("e1 dead_letter", "e2 delivered", "e3 duplicate");
    }

    @Test
    void longKeysAreKeptHashedAndStillTellApartAndMatch() {
        hooks.pipeInput("d1", hook("d1", "once"));
        String longKey = "x".repeat(5000);

        raw.pipeInput("d1", event("e1", "d1", "once", "{\"id\":\"" + longKey + "a\"}"));
        raw.pipeInput("d1", event("e2", "d1", "once", "{\"id\":\"" + longKey + "b\"}"));
        raw.pipeInput("d1", event("e3", "d1", "once", "{\"id\":\"" + longKey + "a\"}"));

        assertThat(alice.readValuesToList())
                .extracting(TriggerBundle::getBundleId)
                .containsExactly("e1:0:d1", "e2:0:d1");
        List<String> kept = new ArrayList<>();
        try (var all = driver.<String, String>getWindowStore(RouterTopology.DEDUPE_STORE).all()) {
            all.forEachRemaining(kv -> kept.add(kv.key.key()));
        }
        assertThat(kept).hasSize(2).allSatisfy(k -> assertThat(k).hasSizeLessThan(100));
        assertThat(kept).allSatisfy(k -> assertThat(k).startsWith("d1\u0000"));
    }

    @Test
    void aDedupeKeyThatFailsToEvaluateIsADeadLetterWithItsDirectivePath() {
        hooks.pipeInput("d1", hook("d1", "badKey"));

        raw.pipeInput("d1", event("e1", "d1", "badKey", "{\"a\":1}"));

        DeadLetter letter = dlq.readValue();
        assertThat(letter.getEventId()).isEqualTo("e1");
        assertThat(letter.getDirectivePath()).isEqualTo("dedupe.key");
        assertThat(letter.getErrorCode()).startsWith("IML-");
        assertThat(alice.isEmpty()).isTrue();
        assertThat(outcomes.readValuesToList())
                .extracting(EventOutcome::getOutcome)
                .containsExactly("dead_letter");
    }

    @Test
    void aSharedWebhookDedupesPerAppWebhook() {
        raw.pipeInput("shop", sharedOn("e1", "feedA", "{\"id\":\"k1\",\"account\":\"1\"}"));
        raw.pipeInput("shop", sharedOn("e2", "feedA", "{\"id\":\"k1\",\"account\":\"1\"}"));
        raw.pipeInput("shop", sharedOn("e3", "feedB", "{\"id\":\"k1\",\"account\":\"1\"}"));

        assertThat(unmatched.readValuesToList())
                .extracting(i -> i.getEventId() + " " + i.getWebhookName())
                .containsExactly("e1 feedA", "e3 feedB");
        assertThat(outcomes.readRecordsToList())
                .filteredOn(r -> r.value().getOutcome().equals("duplicate"))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.key()).isEqualTo("shop/feedA");
                            assertThat(r.value().getEventId()).isEqualTo("e2");
                        });
        assertThat(dlq.isEmpty()).isTrue();
    }

    private void onceAt(String eventId, long seconds) {
        Instant at = T0.plusSeconds(seconds);
        raw.pipeInput(
                "d1",
                RawWebhookEvent.newBuilder(event(eventId, "d1", "once", "{\"id\":\"k1\"}"))
                        .setReceivedAt(at)
                        .build(),
                at);
    }

    private static RawWebhookEvent sharedOn(String eventId, String webhook, String json) {
        return RawWebhookEvent.newBuilder(event(eventId, null, webhook, json))
                .setKind(WebhookKind.SHARED)
                .setPath("/apps/shop/webhooks/" + webhook)
                .build();
    }

    private static Hook carolHook(String id, String format) {
        return Hook.newBuilder(hook(id, "plain"))
                .setUserId("carol")
                .setTriggerTopic("hookstream.triggers.carol")
                .setBundleFormat(format)
                .build();
    }

    private static RawWebhookEvent shared(String eventId, String eventsJson) {
        return RawWebhookEvent.newBuilder(
                        event(eventId, null, "feed", "{\"events\":" + eventsJson + "}"))
                .setKind(WebhookKind.SHARED)
                .setPath("/apps/shop/webhooks/feed")
                .build();
    }

    private static Hook sharedHook(String id, String user, String connectionId) {
        return Hook.newBuilder(hook(id, "feed"))
                .setKind(WebhookKind.SHARED)
                .setUserId(user)
                .setConnectionId(connectionId)
                .setTriggerTopic("hookstream.triggers." + user)
                .build();
    }

    private static Connection connection(String id, String user, String uid) {
        return Connection.newBuilder()
                .setConnectionId(id)
                .setAppId("shop")
                .setUserId(user)
                .setUid(uid)
                .setValid(true)
                .setData(ByteBuffer.wrap(new byte[0]))
                .setCreatedAt(T0)
                .setUpdatedAt(T0)
                .build();
    }

    private static Hook hook(String id, String webhook) {
        return Hook.newBuilder()
                .setHookId(id)
                .setAppId("shop")
                .setWebhookName(webhook)
                .setKind(WebhookKind.DEDICATED)
                .setUserId("alice")
                .setParameters("{\"label\":\"L\"}")
                .setStatus(HookStatus.ACTIVE)
                .setTriggerTopic("hookstream.triggers.alice")
                .setCreatedAt(T0)
                .setUpdatedAt(T0)
                .build();
    }

    private static RawWebhookEvent event(
            String eventId, String hookId, String webhook, String json) {
        return RawWebhookEvent.newBuilder()
                .setEventId(eventId)
                .setReceivedAt(T0)
                .setKind(WebhookKind.DEDICATED)
                .setHookId(hookId)
                .setAppId("shop")
                .setWebhookName(webhook)
                .setMethod("POST")
                .setPath("/hooks/" + hookId)
                .setQuery("")
                .setHeaders(List.of(new Header("content-type", "application/json")))
                .setContentType("application/json")
                .setBody(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)))
                .build();
    }
}
