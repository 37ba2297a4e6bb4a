package io.hookstream.iml;

import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helpers: JSON with typed markers ($date, $undefined, $binary) and quick evaluation. */
public final class TestValues {

    public static final JsonMapper JSON =
            JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private TestValues() {}

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    public static Value typed(JsonNode node) {
        if (node.isObject()) {
            if (node.size() == 1 && node.has("$date")) {
                return Values.date(Instant.parse(node.get("$date").stringValue()));
            }
            if (node.size() == 1 && node.has("$undefined")) {
                return Values.UNDEFINED;
            }
            if (node.size() == 1 && node.has("$binary")) {
                return Values.buffer(HexFormat.of().parseHex(node.get("$binary").stringValue()));
            }
            Map<String, Value> props = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                props.put(e.getKey(), typed(e.getValue()));
            }
            return Values.object(props);
        }
        if (node.isArray()) {
            List<Value> items = new ArrayList<>();
            for (JsonNode item : node) {
                items.add(typed(item));
            }
            return Values.array(items);
        }
        return Values.fromJson(node);
    }

    /** Evaluates an IML string with variables given as typed JSON, in UTC with a fixed clock. */
    public static Value eval(String iml, String variablesJson) {
        return Iml.standard().compileString(iml, "test").evaluate(context(variablesJson));
    }

    public static Value eval(String iml) {
        return eval(iml, "{}");
    }

    public static EvalContext context(String variablesJson) {
        EvalContext.Builder b = EvalContext.builder().now(Instant.parse("2020-01-01T00:00:00Z"));
        for (Map.Entry<String, JsonNode> e : json(variablesJson).properties()) {
            b.variable(e.getKey(), typed(e.getValue()));
        }
        return b.build();
    }
}
