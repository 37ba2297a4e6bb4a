package io.hookstream.cli.tail;

import io.hookstream.schemas.bundle.Bundle;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link Bundle} (of any format) as one line of compact JSON, with the bundle's output
 * embedded as JSON rather than as the string it travels in. Immutable and thread-safe.
 */
final class BundleJson {

    /** Outputs are read into exact decimals so that tailing never changes a number's digits. */
    private final JsonMapper mapper =
            JsonMapper.builder()
                    .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    /** The bundle as a JSON line, without the line break. */
    Rendered render(Bundle bundle) {
        ObjectNode line = mapper.createObjectNode();
        line.put("bundleId", bundle.bundleId());
        line.put("eventId", bundle.eventId());
        line.put("itemIndex", bundle.itemIndex());
        line.put("hookId", bundle.hookId());
        line.put("appId", bundle.appId());
        line.put("webhookName", bundle.webhookName());
        line.put("userId", bundle.userId());
        line.put("connectionId", bundle.connectionId());
        line.put("receivedAt", bundle.receivedAt().toString());
        JsonNode output = parse(bundle.output());
        if (output == null) {
            // The router writes compact JSON, so this is a corrupt record; show it rather than hide
            // the bundle.
            line.put("output", bundle.output());
        } else {
            line.set("output", output);
        }
        return new Rendered(mapper.writeValueAsString(line), output != null);
    }

    private @Nullable JsonNode parse(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            // empty input reads as a missing node, which has no JSON form
            return node.isMissingNode() ? null : node;
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * @param json the compact JSON object
     * @param outputIsJson false when the bundle's output was not valid JSON and appears as a JSON
     *     string instead
     */
    record Rendered(String json, boolean outputIsJson) {}
}
