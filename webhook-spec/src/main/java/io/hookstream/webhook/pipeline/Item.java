package io.hookstream.webhook.pipeline;

import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One bundle of an event.
 *
 * @param index 0-based position of the item among those the iterate condition kept, so that bundle
 *     ids ({@code <eventId>:<index>:<hookId>}, E4) stay stable on replay; an item whose output is
 *     null leaves a gap rather than shifting the others
 * @param content the bundle content as the directives produced it; immutable, so an item needs no
 *     defensive copies (the router writes every bundle, and copying JSON trees showed in its
 *     profile)
 * @param uid the routing key of a shared webhook as text (a number uses its text form); {@code
 *     null} for dedicated webhooks, and for a shared item whose uid evaluated to null or undefined
 *     (such an item matches no connection)
 */
public record Item(int index, Value content, @Nullable String uid) {

    /** Thread-safe once built; only writes. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Item {
        if (index < 0) {
            throw new IllegalArgumentException("index " + index);
        }
        Objects.requireNonNull(content, "content");
    }

    /** The bundle content as a JSON tree of its own, which the caller may change. */
    public JsonNode output() {
        return Values.toJson(content);
    }

    /** The bundle content as compact JSON text, as a bundle carries it. */
    public String outputJson() {
        return JSON.writeValueAsString(Values.toJson(content));
    }
}
