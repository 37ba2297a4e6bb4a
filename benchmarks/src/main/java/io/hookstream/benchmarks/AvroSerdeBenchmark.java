package io.hookstream.benchmarks;

import io.hookstream.benchmarks.load.Fixtures;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.TriggerBundle;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.serde.AvroSerde;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The records every webhook is written and read as, through {@link AvroSerde} and, as the baseline
 * in the same run, through Avro's own single-object encoder and decoder (which write the same
 * bytes): a raw event of the load tests (1 KB body, seven headers), which the ingress encodes and
 * the router decodes, and a bundle, which the router encodes once per item.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AvroSerdeBenchmark {

    private AvroSerde<RawWebhookEvent> events;
    private AvroSerde<TriggerBundle> bundles;
    private BinaryMessageEncoder<RawWebhookEvent> avroEventEncoder;
    private BinaryMessageDecoder<RawWebhookEvent> avroEventDecoder;
    private BinaryMessageEncoder<TriggerBundle> avroBundleEncoder;
    private RawWebhookEvent event;
    private byte[] eventBytes;
    private TriggerBundle bundle;

    @Setup
    public void setUp() {
        events = AvroSerde.of(RawWebhookEvent.class);
        bundles = AvroSerde.of(TriggerBundle.class);
        avroEventEncoder =
                new BinaryMessageEncoder<>(
                        SpecificData.getForClass(RawWebhookEvent.class),
                        RawWebhookEvent.getClassSchema());
        avroEventDecoder =
                new BinaryMessageDecoder<>(
                        SpecificData.getForClass(RawWebhookEvent.class),
                        RawWebhookEvent.getClassSchema());
        avroBundleEncoder =
                new BinaryMessageEncoder<>(
                        SpecificData.getForClass(TriggerBundle.class),
                        TriggerBundle.getClassSchema());
        byte[] body =
                Fixtures.body(
                        1001, 1_700_000_000_000_000L, Fixtures.account(0), Fixtures.account(1));
        event =
                Fixtures.rawEvent(
                        WebhookKind.DEDICATED,
                        "hook-1",
                        Fixtures.DEDICATED,
                        body,
                        1_700_000_000_000L);
        eventBytes = Objects.requireNonNull(events.encode(event));
        bundle =
                TriggerBundle.newBuilder()
                        .setBundleId(event.getEventId() + ":0:hook-1")
                        .setEventId(event.getEventId())
                        .setItemIndex(0)
                        .setHookId("hook-1")
                        .setAppId(Fixtures.APP_ID)
                        .setWebhookName(Fixtures.DEDICATED)
                        .setUserId("user-1")
                        .setConnectionId(null)
                        .setOutput(
                                "{\"order\":1001,\"customer\":\"jane.doe@example.com\",\"sku\":\"A-1001\",\"qty\":2,\"price\":19.90,"
                                        + "\"sentAt\":1700000000000000}")
                        .setReceivedAt(event.getReceivedAt())
                        .setEmittedAt(event.getReceivedAt())
                        .build();
    }

    @Benchmark
    public byte @Nullable [] encodeEvent() {
        return events.encode(event);
    }

    @Benchmark
    public ByteBuffer encodeEventBaseline() throws IOException {
        return avroEventEncoder.encode(event);
    }

    @Benchmark
    public @Nullable RawWebhookEvent decodeEvent() {
        return events.decode(eventBytes);
    }

    @Benchmark
    public RawWebhookEvent decodeEventBaseline() throws IOException {
        return avroEventDecoder.decode(eventBytes);
    }

    @Benchmark
    public byte @Nullable [] encodeBundle() {
        return bundles.encode(bundle);
    }

    @Benchmark
    public ByteBuffer encodeBundleBaseline() throws IOException {
        return avroBundleEncoder.encode(bundle);
    }
}
