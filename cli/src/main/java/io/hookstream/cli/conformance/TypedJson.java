package io.hookstream.cli.conformance;

import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads case JSON with the typed markers of the conformance format: {@code {"$date": ISO}}, {@code
 * {"$undefined": true}} and {@code {"$binary": hex}}.
 */
final class TypedJson {

    private TypedJson() {}

    static Value toValue(JsonNode node) {
        if (node.isObject()) {
            if (node.size() == 1) {
                JsonNode date = node.get("$date");
                if (date != null && date.isString()) {
                    return Values.date(Instant.parse(date.stringValue()));
                }
                JsonNode undefined = node.get("$undefined");
                if (undefined != null && undefined.isBoolean() && undefined.booleanValue()) {
                    return Values.UNDEFINED;
                }
                JsonNode binary = node.get("$binary");
                if (binary != null && binary.isString()) {
                    return Values.buffer(HexFormat.of().parseHex(binary.stringValue()));
                }
            }
            Map<String, Value> props = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                props.put(e.getKey(), toValue(e.getValue()));
            }
            return Values.object(props);
        }
        if (node.isArray()) {
            List<Value> items = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                items.add(toValue(item));
            }
            return Values.array(items);
        }
        return Values.fromJson(node);
    }

    /** Display text that keeps the type visible: markers for dates, undefined and buffers. */
    static String describe(Value v) {
        switch (v.kind()) {
            case UNDEFINED:
                return "{\"$undefined\":true}";
            case DATE:
                return "{\"$date\":\"" + Values.text(v) + "\"}";
            case BUFFER:
                return "{\"$binary\":\""
                        + HexFormat.of()
                                .formatHex(((io.hookstream.iml.value.BufferValue) v).bytes())
                        + "\"}";
            case ARRAY:
                {
                    StringBuilder sb = new StringBuilder("[");
                    List<Value> items = ((io.hookstream.iml.value.ArrayValue) v).items();
                    for (int i = 0; i < items.size(); i++) {
                        sb.append(i > 0 ? "," : "").append(describe(items.get(i)));
                    }
                    return sb.append(']').toString();
                }
            case OBJECT:
                {
                    StringBuilder sb = new StringBuilder("{");
                    boolean first = true;
                    for (Map.Entry<String, Value> e :
                            ((io.hookstream.iml.value.ObjectValue) v).props().entrySet()) {
                        sb.append(first ? "" : ",");
                        first = false;
                        io.hookstream.iml.value.JsonText.quote(sb, e.getKey());
                        sb.append(':').append(describe(e.getValue()));
                    }
                    return sb.append('}').toString();
                }
            default:
                return io.hookstream.iml.value.JsonText.write(v);
        }
    }
}
