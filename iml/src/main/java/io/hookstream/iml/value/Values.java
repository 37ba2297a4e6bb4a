package io.hookstream.iml.value;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.Limits;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Factories and the central conversions of values: JSON in and out, the text form (D6, D20) and
 * truthiness (D5).
 *
 * <p>{@link #toJson} writes dates as ISO-8601 UTC text with milliseconds and buffers as Jackson
 * {@code BinaryNode}s (which Jackson serialises as base64 text and {@link #fromJson} reads back as
 * buffers).
 */
public final class Values {

    public static final Value UNDEFINED = new UndefinedValue();
    public static final Value NULL = new NullValue();
    public static final Value TRUE = new BoolValue(true);
    public static final Value FALSE = new BoolValue(false);
    public static final Value EMPTY_TEXT = new TextValue("");
    public static final Value EMPTY_ARRAY = new ArrayValue(List.of());
    public static final Value ZERO = new NumberValue(BigDecimal.ZERO);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Values() {}

    public static Value text(String s) {
        return s.isEmpty() ? EMPTY_TEXT : new TextValue(s);
    }

    public static Value number(BigDecimal n) {
        return new NumberValue(n);
    }

    public static Value number(long n) {
        return n == 0 ? ZERO : new NumberValue(BigDecimal.valueOf(n));
    }

    public static Value bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    public static Value date(Instant i) {
        return new DateValue(i);
    }

    /** A buffer holding a copy of {@code b}. */
    public static Value buffer(byte[] b) {
        return new BufferValue(b);
    }

    public static Value array(List<Value> items) {
        return items.isEmpty() ? EMPTY_ARRAY : new ArrayValue(items);
    }

    /** An object whose properties keep the iteration order of {@code props}, copied. */
    public static Value object(Map<String, Value> props) {
        return new ObjectValue(props);
    }

    /**
     * An object that takes {@code props} over instead of copying them: for a map just built, which
     * the caller neither keeps nor changes afterwards.
     */
    public static Value objectOwning(LinkedHashMap<String, Value> props) {
        return new ObjectValue(new OwnedProps(props));
    }

    public static boolean isUndefined(Value v) {
        return v.kind() == Kind.UNDEFINED;
    }

    /** Null or undefined. */
    public static boolean isMissing(Value v) {
        Kind k = v.kind();
        return k == Kind.UNDEFINED || k == Kind.NULL;
    }

    /** JSON to value with the default value-depth limit. A missing node becomes undefined. */
    public static Value fromJson(JsonNode node) {
        return fromJson(node, Limits.defaults().maxValueDepth());
    }

    /**
     * JSON to value; nesting deeper than {@code maxDepth} fails with {@link
     * ErrorCode#VALUE_TOO_DEEP}.
     */
    public static Value fromJson(JsonNode node, int maxDepth) {
        return fromJson(node, 0, maxDepth);
    }

    private static Value fromJson(JsonNode node, int depth, int maxDepth) {
        switch (node.getNodeType()) {
            case OBJECT:
                {
                    if (depth >= maxDepth) {
                        throw new EvalException(ErrorCode.VALUE_TOO_DEEP, maxDepth);
                    }
                    LinkedHashMap<String, Value> props =
                            new LinkedHashMap<>(Math.max(4, node.size() * 2));
                    for (Map.Entry<String, JsonNode> e : node.properties()) {
                        props.put(e.getKey(), fromJson(e.getValue(), depth + 1, maxDepth));
                    }
                    return objectOwning(props);
                }
            case ARRAY:
                {
                    if (depth >= maxDepth) {
                        throw new EvalException(ErrorCode.VALUE_TOO_DEEP, maxDepth);
                    }
                    List<Value> items = new ArrayList<>(node.size());
                    for (JsonNode item : node) {
                        items.add(fromJson(item, depth + 1, maxDepth));
                    }
                    return array(items);
                }
            case STRING:
                return text(node.stringValue());
            case NUMBER:
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    return number(node.longValue());
                }
                if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                    return NULL;
                }
                return number(node.decimalValue());
            case BOOLEAN:
                return bool(node.booleanValue());
            case NULL:
                return NULL;
            case MISSING:
                return UNDEFINED;
            case BINARY:
                return buffer(node.binaryValue());
            default:
                return text(node.asString());
        }
    }

    /** Value to JSON; top-level undefined becomes a {@code MissingNode}. */
    public static JsonNode toJson(Value v) {
        if (v.kind() == Kind.UNDEFINED) {
            return NODES.missingNode();
        }
        return toJson(v, 0);
    }

    private static JsonNode toJson(Value v, int depth) {
        switch (v.kind()) {
            case UNDEFINED:
            case NULL:
                return NODES.nullNode();
            case BOOLEAN:
                return NODES.booleanNode(((BoolValue) v).value());
            case NUMBER:
                {
                    BigDecimal n = ((NumberValue) v).value();
                    if (n.scale() <= 0 && n.precision() - n.scale() <= 18) {
                        // the node types Jackson itself reads, so that parsed and produced trees
                        // compare equal
                        long l = n.longValueExact();
                        return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
                    }
                    return n.scale() <= 0
                            ? NODES.numberNode(n.toBigIntegerExact())
                            : NODES.numberNode(n);
                }
            case TEXT:
                return NODES.stringNode(((TextValue) v).value());
            case DATE:
                return NODES.stringNode(Dates.iso(((DateValue) v).value()));
            case BUFFER:
                return NODES.binaryNode(((BufferValue) v).bytes());
            case ARRAY:
                {
                    JsonText.checkDepth(depth);
                    List<Value> items = ((ArrayValue) v).items();
                    ArrayNode out = NODES.arrayNode(items.size());
                    for (Value item : items) {
                        out.add(toJson(item, depth + 1));
                    }
                    return out;
                }
            case OBJECT:
                {
                    JsonText.checkDepth(depth);
                    ObjectNode out = NODES.objectNode();
                    for (Map.Entry<String, Value> e : ((ObjectValue) v).props().entrySet()) {
                        if (e.getValue().kind() != Kind.UNDEFINED) {
                            out.set(e.getKey(), toJson(e.getValue(), depth + 1));
                        }
                    }
                    return out;
                }
            default:
                throw new IllegalStateException(v.kind().name());
        }
    }

    /**
     * The text form (D6, D20): null and undefined are empty, numbers as in D20, dates ISO-8601 UTC
     * with milliseconds, buffers decoded as UTF-8, arrays join their items' text with {@code ,},
     * objects are compact JSON.
     */
    public static String text(Value v) {
        switch (v.kind()) {
            case TEXT:
                return ((TextValue) v).value();
            case UNDEFINED:
            case NULL:
                return "";
            case BOOLEAN:
                return ((BoolValue) v).value() ? "true" : "false";
            case NUMBER:
                return Numbers.text(((NumberValue) v).value());
            case DATE:
                return Dates.iso(((DateValue) v).value());
            case BUFFER:
                return new String(((BufferValue) v).bytes(), StandardCharsets.UTF_8);
            case ARRAY:
            case OBJECT:
                {
                    StringBuilder sb = new StringBuilder();
                    appendText(sb, v, 0);
                    return sb.toString();
                }
            default:
                throw new IllegalStateException(v.kind().name());
        }
    }

    /** Appends the text form of {@code v}. */
    public static void appendText(StringBuilder sb, Value v, int depth) {
        switch (v.kind()) {
            case ARRAY:
                {
                    JsonText.checkDepth(depth);
                    List<Value> items = ((ArrayValue) v).items();
                    for (int i = 0; i < items.size(); i++) {
                        if (i > 0) {
                            sb.append(',');
                        }
                        appendText(sb, items.get(i), depth + 1);
                    }
                    break;
                }
            case OBJECT:
                JsonText.write(sb, v, depth);
                break;
            default:
                sb.append(text(v));
        }
    }

    /**
     * JavaScript truthiness (D5): false, null, undefined, 0 and "" are false; everything else is
     * true.
     */
    public static boolean truthy(Value v) {
        switch (v.kind()) {
            case UNDEFINED:
            case NULL:
                return false;
            case BOOLEAN:
                return ((BoolValue) v).value();
            case NUMBER:
                return ((NumberValue) v).value().signum() != 0;
            case TEXT:
                return !((TextValue) v).value().isEmpty();
            default:
                return true;
        }
    }
}
