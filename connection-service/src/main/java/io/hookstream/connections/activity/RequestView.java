package io.hookstream.connections.activity;

import io.hookstream.schemas.avro.RequestRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A request of the request log as the API shows it: headers already masked, body cut. */
public record RequestView(
        String requestId,
        Instant receivedAt,
        @Nullable String hookId,
        @Nullable String appId,
        @Nullable String webhookName,
        String method,
        String path,
        int status,
        String outcome,
        @Nullable String reason,
        @Nullable String directivePath,
        @Nullable String eventId,
        List<HeaderView> headers,
        String bodyPreview,
        long bodySize) {

    static RequestView of(RequestRecord r) {
        return new RequestView(
                r.getRequestId(),
                r.getReceivedAt(),
                r.getHookId(),
                r.getAppId(),
                r.getWebhookName(),
                r.getMethod(),
                r.getPath(),
                r.getStatus(),
                r.getOutcome(),
                r.getReason(),
                r.getDirectivePath(),
                r.getEventId(),
                HeaderView.of(r.getHeaders()),
                // decoded leniently: the preview may end inside a character, or not be text at all
                StandardCharsets.UTF_8.decode(r.getBodyPreview().duplicate()).toString(),
                r.getBodySize());
    }
}
