package io.hookstream.ingress.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.WebhookKind;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawEventKeysTest {

    @Test
    void dedicatedEventsAreKeyedByTheirHookWhateverTheSharedChoice() {
        RawWebhookEvent event = event(WebhookKind.DEDICATED, "hook-1");
        assertThat(new RawEventKeys(RawEventKeys.SharedKey.EVENT).keyOf(event)).isEqualTo("hook-1");
        assertThat(new RawEventKeys(RawEventKeys.SharedKey.APP).keyOf(event)).isEqualTo("hook-1");
    }

    @Test
    void sharedEventsAreKeyedByTheEventOrByTheirApp() {
        RawWebhookEvent event = event(WebhookKind.SHARED, null);
        assertThat(new RawEventKeys(RawEventKeys.SharedKey.EVENT).keyOf(event))
                .isEqualTo("0190f5a0-0000-7000-8000-000000000001");
        assertThat(new RawEventKeys(RawEventKeys.SharedKey.APP).keyOf(event)).isEqualTo("shop");
    }

    private static RawWebhookEvent event(WebhookKind kind, String hookId) {
        return RawWebhookEvent.newBuilder()
                .setEventId("0190f5a0-0000-7000-8000-000000000001")
                .setReceivedAt(Instant.parse("2026-11-22T10:00:00Z"))
                .setKind(kind)
                .setHookId(hookId)
                .setAppId("shop")
                .setWebhookName("orders")
                .setMethod("POST")
                .setPath("/x")
                .setQuery("")
                .setHeaders(List.of())
                .setContentType("application/json")
                .setBody(ByteBuffer.wrap(new byte[0]))
                .setFlags(List.of())
                .build();
    }
}
