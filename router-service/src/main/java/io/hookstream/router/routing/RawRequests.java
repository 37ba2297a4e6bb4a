package io.hookstream.router.routing;

import io.hookstream.schemas.avro.Header;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.webhook.request.Headers;
import io.hookstream.webhook.request.WebhookRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rebuilds the HTTP request a raw event recorded, for the directives that run after the edge. */
final class RawRequests {

    private RawRequests() {}

    static WebhookRequest toRequest(RawWebhookEvent event) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(event.getHeaders().size());
        for (Header h : event.getHeaders()) {
            headers.add(Map.entry(h.getName(), h.getValue()));
        }
        ByteBuffer body = event.getBody().duplicate();
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        return new WebhookRequest(
                event.getMethod(),
                event.getPath(),
                Headers.of(headers),
                event.getQuery(),
                event.getContentType(),
                bytes,
                event.getReceivedAt());
    }
}
