package io.hookstream.webhook.conformance;

import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.BufferValue;
import io.hookstream.iml.value.JsonText;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The corpus' JSON conventions, read in one place for both kinds of case (expressions and
 * webhooks): typed markers ({@code {"$date": ISO}}, {@code {"$undefined": true}}, {@code
 * {"$binary": hex}}), their display, and a comparison that treats numbers by value and objects
 * without regard to key order. An object that only looks like a marker ({@code {"$date": 5}}) stays
 * an object.
 */
public final class TypedJson {

    private TypedJson() {}

    /** Corpus JSON to a value, decoding the typed markers. */
    public static Value toValue(JsonNode node) {
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

    /** Corpus JSON as a bundle would carry it: dates as ISO text, buffers as binary. */
    static JsonNode normalise(JsonNode node) {
        return Values.toJson(toValue(node));
    }

    /** Equality of JSON values with numbers compared by value and object keys in any order. */
    static boolean equivalent(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> property : a.properties()) {
                JsonNode other = b.get(property.getKey());
                if (other == null || !equivalent(property.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<JsonNode> left = a.iterator();
            Iterator<JsonNode> right = b.iterator();
            while (left.hasNext()) {
                if (!equivalent(left.next(), right.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a.isBinary() || b.isBinary()) {
            return a.asString().equals(b.asString());
        }
        return a.equals(b);
    }

    /** A number's text the way the pipeline writes uids (D20), e.g. {@code 42}. */
    static String uidText(JsonNode node) {
        if (node.isNumber()) {
            return Values.text(Values.number(new BigDecimal(node.asString())));
        }
        return node.isNull() ? "null" : node.asString();
    }

    /** Display text that keeps the type visible: markers for dates, undefined and buffers. */
    public static String describe(Value v) {
        switch (v.kind()) {
            case UNDEFINED:
                return "{\"$undefined\":true}";
            case DATE:
                return "{\"$date\":\"" + Values.text(v) + "\"}";
            case BUFFER:
                return "{\"$binary\":\""
                        + HexFormat.of().formatHex(((BufferValue) v).bytes())
                        + "\"}";
            case ARRAY:
                {
                    StringBuilder sb = new StringBuilder("[");
                    List<Value> items = ((ArrayValue) v).items();
                    for (int i = 0; i < items.size(); i++) {
                        sb.append(i > 0 ? "," : "").append(describe(items.get(i)));
                    }
                    return sb.append(']').toString();
                }
            case OBJECT:
                {
                    StringBuilder sb = new StringBuilder("{");
                    boolean first = true;
                    for (Map.Entry<String, Value> e : ((ObjectValue) v).props().entrySet()) {
                        sb.append(first ? "" : ",");
                        first = false;
                        JsonText.quote(sb, e.getKey());
                        sb.append(':').append(describe(e.getValue()));
                    }
                    return sb.append('}').toString();
                }
            default:
                return JsonText.write(v);
        }
    }
}
