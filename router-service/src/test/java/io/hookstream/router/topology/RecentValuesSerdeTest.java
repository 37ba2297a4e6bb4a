package io.hookstream.router.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class RecentValuesSerdeTest {

    private final AtomicInteger decoded = new AtomicInteger();

    /** Strings decoded into fresh instances, counted. */
    private final Serde<String> counting =
            Serdes.serdeFrom(
                    Serdes.String().serializer(),
                    (topic, bytes) -> {
                        decoded.incrementAndGet();
                        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
                    });

    @Test
    void theSameBytesGiveTheValueDecodedTheFirstTime() {
        Deserializer<String> reader = new RecentValuesSerde<>(counting, 16, 1024).deserializer();

        String first = reader.deserialize("t", bytes("hook-1"));
        String second = reader.deserialize("t", bytes("hook-1"));

        assertThat(second).isEqualTo("hook-1").isSameAs(first);
        assertThat(decoded).hasValue(1);
    }

    @Test
    void otherBytesAreDecodedEvenWhenTheyShareASlot() {
        Deserializer<String> reader = new RecentValuesSerde<>(counting, 1, 1024).deserializer();

        assertThat(reader.deserialize("t", bytes("a"))).isEqualTo("a");
        assertThat(reader.deserialize("t", bytes("b"))).isEqualTo("b");
        assertThat(reader.deserialize("t", bytes("a"))).isEqualTo("a");
        assertThat(decoded).hasValue(3);
    }

    @Test
    void bytesChangedByTheCallerAfterwardsDoNotChangeWhatWasKept() {
        Deserializer<String> reader = new RecentValuesSerde<>(counting, 16, 1024).deserializer();
        byte[] buffer = bytes("aaaa");
        reader.deserialize("t", buffer);

        buffer[0] = 'b';

        assertThat(reader.deserialize("t", buffer)).isEqualTo("baaa");
        assertThat(reader.deserialize("t", bytes("aaaa"))).isEqualTo("aaaa");
        assertThat(decoded).hasValue(2);
    }

    @Test
    void valuesThatDifferOnlyInTheMiddleAreToldApart() {
        Deserializer<String> reader = new RecentValuesSerde<>(counting, 16, 1024).deserializer();
        String a = "a".repeat(100) + "1" + "z".repeat(100);
        String b = "a".repeat(100) + "2" + "z".repeat(100);
        assertThat(RecentValuesSerde.hashOfEnds(bytes(a)))
                .isEqualTo(RecentValuesSerde.hashOfEnds(bytes(b)));

        assertThat(reader.deserialize("t", bytes(a))).isEqualTo(a);
        assertThat(reader.deserialize("t", bytes(b))).isEqualTo(b);
        assertThat(reader.deserialize("t", bytes(a))).isEqualTo(a);
    }

    @Test
    void theHashReadsEveryByteOfShortValuesAndTheEndsOfLongOnes() {
        assertThat(RecentValuesSerde.hashOfEnds(bytes("ab")))
                .isNotEqualTo(RecentValuesSerde.hashOfEnds(bytes("ba")));
        assertThat(RecentValuesSerde.hashOfEnds(bytes("0123456789abcdef")))
                .isNotEqualTo(RecentValuesSerde.hashOfEnds(bytes("0123456789abcdeF")))
                .isNotEqualTo(RecentValuesSerde.hashOfEnds(bytes("0123456789Abcdef")));
        String head = "h".repeat(48);
        String tail = "t".repeat(16);
        for (int at = 0; at < 48; at++) {
            String changed = head.substring(0, at) + "g" + head.substring(at + 1);
            assertThat(RecentValuesSerde.hashOfEnds(bytes(changed + "middle" + tail)))
                    .as("a change at byte %d", at)
                    .isNotEqualTo(RecentValuesSerde.hashOfEnds(bytes(head + "middle" + tail)));
        }
        for (int at = 0; at < 16; at++) {
            String changed = tail.substring(0, at) + "u" + tail.substring(at + 1);
            assertThat(RecentValuesSerde.hashOfEnds(bytes(head + "middle" + changed)))
                    .as("a change at byte %d from the end", 16 - at)
                    .isNotEqualTo(RecentValuesSerde.hashOfEnds(bytes(head + "middle" + tail)));
        }
        assertThat(RecentValuesSerde.hashOfEnds(bytes(head + "middle" + tail)))
                .isEqualTo(RecentValuesSerde.hashOfEnds(bytes(head + "MIDDLE" + tail)));
    }

    @Test
    void longValuesAndNullAreDecodedEveryTime() {
        Deserializer<String> reader = new RecentValuesSerde<>(counting, 16, 4).deserializer();

        reader.deserialize("t", bytes("12345"));
        reader.deserialize("t", bytes("12345"));
        assertThat(reader.deserialize("t", null)).isNull();

        assertThat(decoded).hasValue(3);
    }

    @Test
    void writingIsLeftToTheSerdeItWraps() {
        assertThat(new RecentValuesSerde<>(counting, 16, 1024).serializer().serialize("t", "x"))
                .isEqualTo(bytes("x"));
    }

    @Test
    void theNumberOfSlotsIsRoundedUpToAPowerOfTwo() {
        assertThat(new RecentValuesSerde<>(counting, 1, 1).capacity()).isEqualTo(1);
        assertThat(new RecentValuesSerde<>(counting, 1000, 1).capacity()).isEqualTo(1024);
        assertThat(new RecentValuesSerde<>(counting, 1024, 1).capacity()).isEqualTo(1024);
        assertThatThrownBy(() -> new RecentValuesSerde<>(counting, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threadsSharingFewSlotsAlwaysGetTheValueOfTheirOwnBytes() throws Exception {
        Deserializer<String> reader = new RecentValuesSerde<>(counting, 4, 1024).deserializer();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            values.add("value-" + i + "-" + "x".repeat(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                wrong.add(
                        pool.submit(
                                () -> {
                                    int mismatches = 0;
                                    for (int i = 0; i < 20_000; i++) {
                                        String expected =
                                                values.get(
                                                        ThreadLocalRandom.current()
                                                                .nextInt(values.size()));
                                        if (!expected.equals(
                                                reader.deserialize("t", bytes(expected)))) {
                                            mismatches++;
                                        }
                                    }
                                    return mismatches;
                                }));
            }
            for (Future<Integer> f : wrong) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
