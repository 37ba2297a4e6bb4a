package io.hookstream.iml.func.runtime;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.func.CallContext;
import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code createXML(value, [rootName])}, the inverse of {@code parseXML}'s mapping: an object
 * property becomes a child element (an array becomes one element per item), {@code _attributes}
 * becomes attributes, {@code _value} becomes text before the children, scalars become text in their
 * text form (D6), null an empty element, and undefined properties are left out as in {@code
 * createJSON}. The root element is {@code rootName} when given; otherwise the only key of a one-key
 * object (so {@code parseXML} output round-trips); otherwise {@code root}, the default of the
 * {@code xml2js} builder. A root that is an array must hold exactly one item. The text is compact
 * (no indentation, so it is stable for signing) and starts with {@code <?xml version="1.0"
 * encoding="UTF-8"?>}. Element and attribute names must be XML names, and characters XML 1.0 cannot
 * carry are refused rather than dropped.
 */
final class XmlWriter {

    private static final String DEFAULT_ROOT = "root";
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private final CallContext cx;
    private final int maxDepth;
    private final StringBuilder out = new StringBuilder();

    private XmlWriter(CallContext cx) {
        this.cx = cx;
        this.maxDepth = cx.limits().maxValueDepth();
    }

    static String write(Value value, @Nullable String rootName, CallContext cx) {
        String name = rootName;
        Value root = value;
        if (name == null) {
            name = DEFAULT_ROOT;
            if (value.kind() == Kind.OBJECT) {
                Map<String, Value> props = ((ObjectValue) value).props();
                if (props.size() == 1) {
                    Map.Entry<String, Value> only = props.entrySet().iterator().next();
                    if (!only.getKey().equals(XmlReader.ATTRIBUTES)
                            && !only.getKey().equals(XmlReader.VALUE)) {
                        name = only.getKey();
                        root = only.getValue();
                    }
                }
            }
        }
        if (root.kind() == Kind.ARRAY) {
            ArrayValue items = (ArrayValue) root;
            if (items.size() != 1) {
                throw new EvalException(
                        ErrorCode.XML_NOT_WRITABLE,
                        "a document has one root element, got an array of " + items.size());
            }
            root = items.get(0);
        }
        XmlWriter w = new XmlWriter(cx);
        w.out.append(DECLARATION);
        w.element(name, Values.isUndefined(root) ? Values.NULL : root, 0);
        return w.out.toString();
    }

    private void element(String name, Value value, int depth) {
        if (depth >= maxDepth) {
            throw new EvalException(ErrorCode.VALUE_TOO_DEEP, maxDepth);
        }
        cx.step(1);
        checkName(name);
        out.append('<').append(name);
        switch (value.kind()) {
            case UNDEFINED:
            case NULL:
                out.append("/>");
                break;
            case ARRAY:
                throw new EvalException(
                        ErrorCode.XML_NOT_WRITABLE,
                        "an array inside an array has no XML form (under '" + name + "')");
            case OBJECT:
                object(name, (ObjectValue) value, depth);
                break;
            default:
                {
                    String text = Values.text(value);
                    if (text.isEmpty()) {
                        out.append("/>");
                    } else {
                        out.append('>');
                        escape(text, false);
                        out.append("</").append(name).append('>');
                    }
                }
        }
        cx.checkString(out.length());
    }

    private void object(String name, ObjectValue value, int depth) {
        Value attributes = value.get(XmlReader.ATTRIBUTES);
        if (attributes != null && !Values.isMissing(attributes)) {
            if (attributes.kind() != Kind.OBJECT) {
                throw new EvalException(
                        ErrorCode.XML_NOT_WRITABLE,
                        "'_attributes' of '" + name + "' must be an object");
            }
            for (Map.Entry<String, Value> a : ((ObjectValue) attributes).props().entrySet()) {
                if (Values.isMissing(a.getValue())) {
                    continue;
                }
                checkName(a.getKey());
                out.append(' ').append(a.getKey()).append("=\"");
                escape(Values.text(a.getValue()), true);
                out.append('"');
            }
        }
        int mark = out.length();
        out.append('>');
        Value text = value.get(XmlReader.VALUE);
        if (text != null && !Values.isMissing(text)) {
            escape(Values.text(text), false);
        }
        for (Map.Entry<String, Value> p : value.props().entrySet()) {
            String key = p.getKey();
            Value v = p.getValue();
            if (key.equals(XmlReader.ATTRIBUTES)
                    || key.equals(XmlReader.VALUE)
                    || Values.isUndefined(v)) {
                continue;
            }
            if (v.kind() == Kind.ARRAY) {
                for (Value item : ((ArrayValue) v).items()) {
                    element(key, Values.isUndefined(item) ? Values.NULL : item, depth + 1);
                }
            } else {
                element(key, v, depth + 1);
            }
        }
        if (out.length() == mark + 1) {
            out.setLength(mark);
            out.append("/>");
        } else {
            out.append("</").append(name).append('>');
        }
    }

    /**
     * Escapes markup; in attributes also quotes and the whitespace a parser would otherwise
     * normalise.
     */
    private void escape(String s, boolean attribute) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '\r':
                    out.append("&#13;");
                    break;
                case '"':
                    out.append(attribute ? "&quot;" : "\"");
                    break;
                case '\n':
                    out.append(attribute ? "&#10;" : "\n");
                    break;
                case '\t':
                    out.append(attribute ? "&#9;" : "\t");
                    break;
                default:
                    if (Character.isHighSurrogate(c)
                            && i + 1 < n
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        throw new EvalException(
                                ErrorCode.XML_NOT_WRITABLE,
                                String.format("character U+%04X cannot appear in XML", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
    }

    /** XML 1.0 names, with letters taken from Unicode rather than the spec's exact ranges. */
    private static void checkName(String name) {
        boolean ok = !name.isEmpty();
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            boolean start = Character.isLetter(c) || c == '_' || c == ':';
            ok =
                    i == 0
                            ? start
                            : start
                                    || Character.isDigit(c)
                                    || c == '-'
                                    || c == '.'
                                    || c == '\u00B7';
        }
        if (!ok) {
            throw new EvalException(
                    ErrorCode.XML_NOT_WRITABLE, "'" + name + "' is not an XML name");
        }
    }
}
