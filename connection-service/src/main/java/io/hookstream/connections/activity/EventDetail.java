package io.hookstream.connections.activity;

import io.hookstream.schemas.avro.EventOutcome;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One event: the request it was (masked, the body's start) and every outcome it had, for its hook
 * or app webhook and, for a shared event, for each hook it reached.
 */
public record EventDetail(String eventId, @Nullable RequestPart request, List<EventView> outcomes) {

    /**
     * @param source where the raw event is kept: topic, partition and offset
     * @param body the whole body, masked, while the raw event is kept and up to 1 MB; null
     *     otherwise
     */
    /** How much of the body the preview shows. */
    static final int PREVIEW_CHARS = 2048;

    public record RequestPart(
            String method,
            String path,
            List<HeaderView> headers,
            String bodyPreview,
            long bodySize,
            String source,
            @Nullable String body) {

        /**
         * With the whole body read from the raw event; its start is the preview, which outcomes do
         * not carry (they point to the raw event instead).
         */
        RequestPart withBody(String body) {
            String preview =
                    bodyPreview.isEmpty() && !body.isEmpty()
                            ? body.substring(0, Math.min(body.length(), PREVIEW_CHARS))
                            : bodyPreview;
            return new RequestPart(method, path, headers, preview, bodySize, source, body);
        }
    }

    EventDetail withRequest(RequestPart request) {
        return new EventDetail(eventId, request, outcomes);
    }

    static EventDetail of(String eventId, List<EventOutcome> outcomes) {
        RequestPart request = null;
        Map<String, EventView> views = new LinkedHashMap<>();
        for (EventOutcome o : outcomes) {
            EventView view = EventView.of(o);
            views.putIfAbsent(view.identity(), view);
            if (request == null && o.getSourceOffset() >= 0) {
                request =
                        new RequestPart(
                                o.getMethod(),
                                o.getPath(),
                                HeaderView.of(o.getHeaders()),
                                StandardCharsets.UTF_8
                                        .decode(o.getBodyPreview().duplicate())
                                        .toString(),
                                o.getBodySize(),
                                o.getSourceTopic()
                                        + ":"
                                        + o.getSourcePartition()
                                        + ":"
                                        + o.getSourceOffset(),
                                null);
            }
        }
        return new EventDetail(eventId, request, List.copyOf(views.values()));
    }
}
