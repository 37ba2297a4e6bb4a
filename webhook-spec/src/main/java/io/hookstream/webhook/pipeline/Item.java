package io.hookstream.webhook.pipeline;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One bundle of an event.
 *
 * @param index 0-based position of the item among those the iterate condition kept, so that bundle
 *     ids ({@code <eventId>:<index>:<hookId>}, E4) stay stable on replay; an item whose output is
 *     null leaves a gap rather than shifting the others
 * @param output the bundle content
 * @param uid the routing key of a shared webhook as text (a number uses its text form); {@code null}
 *     for dedicated webhooks, and for a shared item whose uid evaluated to null or undefined (such an
 *     item matches no connection)
 */
public record Item(int index, JsonNode output, @Nullable String uid) {

  public Item {
    if (index < 0) {
      throw new IllegalArgumentException("index " + index);
    }
    output = Objects.requireNonNull(output, "output").deepCopy();
  }

  @Override
  public JsonNode output() {
    return output.deepCopy();
  }
}
