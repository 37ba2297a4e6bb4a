package io.hookstream.router.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hookstream.iml.Iml;
import io.hookstream.router.routing.EventRouter;
import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.DeadLetter;
import io.hookstream.schemas.avro.Header;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.avro.UnmatchedItem;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.webhook.pipeline.WebhookProcessor;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Every branch of the router topology on the TopologyTestDriver; broker-backed behaviour (EOS, dynamic
 * topics, restarts) is covered by the e2e tests. Each test asserts that the outputs it does not expect
 * stayed empty.
 */
class RouterTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String APP = """
        {"connection": {"info": {"url": "https://api.example.test/me", "response": {"uid": "{{body.id}}"}}},
         "webhooks": {
          "orders": {"type": "dedicated", "spec": {
             "condition": "{{body.type != 'ping'}}",
             "iterate": "{{body.items}}",
             "output": {"sku": "{{item.sku}}", "order": "{{body.id}}", "secret": "{{parameters.label}}"}}},
          "plain": {"type": "dedicated", "spec": {}},
          "feed": {"type": "shared", "spec": {"uid": "{{body.account}}"}}}}""";

    private final HookstreamTopics topics = HookstreamTopics.defaults();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawWebhookEvent> raw;
    private TestInputTopic<String, RawWebhookEvent> replay;
    private TestOutputTopic<String, TriggerBundle> alice;
    private TestOutputTopic<String, DeadLetter> dlq;
    private TestOutputTopic<String, UnmatchedItem> unmatched;

    @BeforeEach
    void startDriver() throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "router-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("router-topology").toString());
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        config.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
        Iml iml = Iml.standard();
        Clock clock = Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC);
        EventRouter router = new EventRouter(new AppCatalog(new AppDefinitionParser(iml)), new WebhookProcessor(iml, clock),
            topics.names(), clock, meters);
        driver = new TopologyTestDriver(RouterTopology.build(topics, router, config), config);

        var apps = driver.createInputTopic(topics.apps().name(), Serdes.String().serializer(), topics.apps().valueSerde().serializer());
        apps.pipeInput("shop", App.newBuilder().setAppId("shop").setDefinition(APP).setVersion(1).setUpdatedAt(T0).build());
        var hooks = driver.createInputTopic(topics.hooks().name(), Serdes.String().serializer(), topics.hooks().valueSerde().serializer());
        hooks.pipeInput("h1", hook("h1", "orders"));
        hooks.pipeInput("h2", hook("h2", "plain"));
        raw = driver.createInputTopic(topics.eventsRaw().name(), Serdes.String().serializer(), topics.eventsRaw().valueSerde().serializer());
        replay = driver.createInputTopic(topics.eventsReplay().name(), Serdes.String().serializer(), topics.eventsReplay().valueSerde().serializer());
        alice = driver.createOutputTopic("hookstream.triggers.alice", Serdes.String().deserializer(), topics.triggerBundleSerde().deserializer());
        dlq = driver.createOutputTopic(topics.eventsDlq().name(), Serdes.String().deserializer(), topics.eventsDlq().valueSerde().deserializer());
        unmatched = driver.createOutputTopic(topics.eventsUnmatched().name(), Serdes.String().deserializer(),
            topics.eventsUnmatched().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void iteratedItemsBecomeOneBundleEachWithDeterministicIdsOnTheOwnersTopic() {
        raw.pipeInput("h1", event("e1", "h1", "orders", "{\"id\":7,\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}"));

        var records = alice.readRecordsToList();
        assertThat(records).extracting(r -> r.key()).containsExactly("h1", "h1");
        assertThat(records).extracting(r -> r.value().getBundleId()).containsExactly("e1:0:h1", "e1:1:h1");
        assertThat(records).extracting(r -> r.value().getOutput())
            .containsExactly("{\"sku\":\"a\",\"order\":7,\"secret\":\"L\"}", "{\"sku\":\"b\",\"order\":7,\"secret\":\"L\"}");
        assertThat(records.get(0).value().getUserId()).isEqualTo("alice");
        assertThat(records.get(0).value().getReceivedAt()).isEqualTo(T0);
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(unmatched.isEmpty()).isTrue();
        assertThat(meters.counter("hookstream.router.bundles", "outcome", "emitted").count()).isEqualTo(2);
    }

    @Test
    void withoutDirectivesTheBodyIsTheOneBundle() {
        raw.pipeInput("h2", event("e2", "h2", "plain", "{\"a\":[1,2]}"));

        assertThat(alice.readValuesToList()).extracting(TriggerBundle::getOutput).containsExactly("{\"a\":[1,2]}");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void aFalseConditionEmitsNothingAndCountsTheEventAsFiltered() {
        raw.pipeInput("h1", event("e3", "h1", "orders", "{\"type\":\"ping\",\"items\":[{\"sku\":\"a\"}]}"));

        assertThat(alice.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(meters.counter("hookstream.router.events", "outcome", "filtered").count()).isEqualTo(1);
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
        assertThat(alice.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void replayedEventsAreProcessedLikeRawOnesWithTheSameBundleIds() {
        replay.pipeInput("h2", event("e6", "h2", "plain", "{\"x\":1}"));

        assertThat(alice.readValuesToList()).extracting(TriggerBundle::getBundleId).containsExactly("e6:0:h2");
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void sharedEventsAreNotDroppedWhileTheUidJoinIsMissing() {
        RawWebhookEvent shared = RawWebhookEvent.newBuilder(event("e7", null, "feed", "{\"account\":\"1\"}"))
            .setKind(WebhookKind.SHARED).build();
        raw.pipeInput("shop", shared);

        assertThat(dlq.readValue().getErrorCode()).isEqualTo("UNSUPPORTED");
        assertThat(alice.isEmpty()).isTrue();
        assertThat(unmatched.isEmpty()).isTrue();
    }

    private static Hook hook(String id, String webhook) {
        return Hook.newBuilder().setHookId(id).setAppId("shop").setWebhookName(webhook).setKind(WebhookKind.DEDICATED)
            .setUserId("alice").setParameters("{\"label\":\"L\"}").setStatus(HookStatus.ACTIVE)
            .setTriggerTopic("hookstream.triggers.alice").setCreatedAt(T0).setUpdatedAt(T0).build();
    }

    private static RawWebhookEvent event(String eventId, String hookId, String webhook, String json) {
        return RawWebhookEvent.newBuilder()
            .setEventId(eventId).setReceivedAt(T0).setKind(WebhookKind.DEDICATED).setHookId(hookId).setAppId("shop")
            .setWebhookName(webhook).setMethod("POST").setPath("/hooks/" + hookId).setQuery("")
            .setHeaders(List.of(new Header("content-type", "application/json")))
            .setContentType("application/json")
            .setBody(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)))
            .build();
    }
}
