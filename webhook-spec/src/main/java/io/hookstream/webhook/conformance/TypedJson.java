package io.hookstream.webhook.conformance;

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
 * The corpus' JSON conventions: typed markers ({@code $date}, {@code $undefined}, {@code $binary})
 * and a comparison that treats numbers by value and objects without regard to key order.
 */
final class TypedJson {

    private TypedJson() {}

    /** Corpus JSON to a value, decoding the typed markers. */
    static Value toValue(JsonNode node) {
        if (node.isObject() && node.size() == 1) {
            if (node.has("$date")) {
                return Values.date(Instant.parse(node.get("$date").stringValue()));
            }
            if (node.has("$undefined")) {
                return Values.UNDEFINED;
            }
            if (node.has("$binary")) {
                return Values.buffer(HexFormat.of().parseHex(node.get("$binary").stringValue()));
            }
        }
        if (node.isObject()) {
            Map<String, Value> properties = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                properties.put(property.getKey(), toValue(property.getValue()));
            }
            return Values.object(properties);
        }
        if (node.isArray()) {
            List<Value> items = new ArrayList<>();
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
}
