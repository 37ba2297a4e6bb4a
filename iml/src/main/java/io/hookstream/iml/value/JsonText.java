package io.hookstream.iml.value;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Compact JSON text of a value, as JavaScript's {@code JSON.stringify} would write it: undefined
 * properties are left out, undefined array items become {@code null}, dates are ISO-8601 UTC text
 * and buffers are base64 text.
 */
public final class JsonText {

    /**
     * A hard cap on recursion so that a value built programmatically can never overflow the stack.
     */
    static final int HARD_DEPTH = 2048;

    private JsonText() {}

    public static String write(Value value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    public static void write(StringBuilder sb, Value value, int depth) {
        switch (value.kind()) {
            case UNDEFINED:
            case NULL:
                sb.append("null");
                break;
            case BOOLEAN:
                sb.append(((BoolValue) value).value());
                break;
            case NUMBER:
                sb.append(Numbers.text(((NumberValue) value).value()));
                break;
            case TEXT:
                quote(sb, ((TextValue) value).value());
                break;
            case DATE:
                sb.append('"').append(Dates.iso(((DateValue) value).value())).append('"');
                break;
            case BUFFER:
                sb.append('"')
                        .append(Base64.getEncoder().encodeToString(((BufferValue) value).bytes()))
                        .append('"');
                break;
            case ARRAY:
                {
                    checkDepth(depth);
                    List<Value> items = ((ArrayValue) value).items();
                    sb.append('[');
                    for (int i = 0; i < items.size(); i++) {
                        if (i > 0) {
                            sb.append(',');
                        }
                        write(sb, items.get(i), depth + 1);
                    }
                    sb.append(']');
                    break;
                }
            case OBJECT:
                {
                    checkDepth(depth);
                    sb.append('{');
                    boolean first = true;
                    for (Map.Entry<String, Value> e : ((ObjectValue) value).props().entrySet()) {
                        if (e.getValue().kind() == Kind.UNDEFINED) {
                            continue;
                        }
                        if (!first) {
                            sb.append(',');
                        }
                        first = false;
                        quote(sb, e.getKey());
                        sb.append(':');
                        write(sb, e.getValue(), depth + 1);
                    }
                    sb.append('}');
                    break;
                }
            default:
                throw new IllegalStateException(value.kind().name());
        }
    }

    static void checkDepth(int depth) {
        if (depth >= HARD_DEPTH) {
            throw new EvalException(ErrorCode.VALUE_TOO_DEEP, HARD_DEPTH);
        }
    }

    /** Appends {@code s} as a JSON string literal. */
    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                default:
                    if (c < 0x20 || (Character.isSurrogate(c) && !pairedSurrogate(s, i))) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    private static boolean pairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
