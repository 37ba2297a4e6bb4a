package io.hookstream.iml.func.runtime;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.func.CallContext;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * {@code parseXML(text)} with the mapping Make documents for XML responses ("Type" directive, XML
 * type): every element is an array item, so the result is {@code {root: [element]}} and each child
 * name maps to the array of those children in document order. An element with neither attributes
 * nor child elements is its text ({@code ""} when empty); any other element is an object with
 * {@code _attributes} (attribute name to text) when it has attributes, {@code _value} (its own
 * text, pieces joined) when that text is not only whitespace, and one key per child element name.
 * Names keep their prefixes, {@code xmlns} declarations are ordinary attributes, all values stay
 * text, and comments and processing instructions are dropped. A child element literally named
 * {@code _attributes} or {@code _value} is refused, since it would be indistinguishable from those
 * keys.
 *
 * <p>The root is wrapped in an array too (Make's text says "even the root node", and its documented
 * paths such as {@code body.data[].text[]} need it, since {@code []} of a non-array is undefined
 * here).
 *
 * <p>Hostile input: the JDK's own SAX parser with secure processing, DOCTYPE declarations refused
 * outright (which rules out entity expansion such as "billion laughs" and every external entity or
 * DTD fetch), and no resolver access. Elements nest at most half the value-depth limit deep (each
 * element adds an array and an object level), every element costs an evaluation step and each child
 * list obeys the array limit.
 */
final class XmlReader extends DefaultHandler {

    static final String ATTRIBUTES = "_attributes";
    static final String VALUE = "_value";

    private final CallContext cx;
    private final int maxDepth;
    private final Deque<Element> open = new ArrayDeque<>();
    private @Nullable Value result;

    private XmlReader(CallContext cx) {
        this.cx = cx;
        this.maxDepth = Math.max(1, cx.limits().maxValueDepth() / 2);
    }

    static Value parse(String text, CallContext cx) {
        cx.step(1 + text.length() / 64);
        XmlReader handler = new XmlReader(cx);
        try {
            parser().parse(new InputSource(new StringReader(text)), handler);
        } catch (SAXParseException e) {
            throw new EvalException(
                    ErrorCode.INVALID_XML,
                    e,
                    e.getMessage()
                            + " (line "
                            + e.getLineNumber()
                            + ", column "
                            + e.getColumnNumber()
                            + ")");
        } catch (SAXException e) {
            if (e.getException() instanceof EvalException) {
                throw (EvalException) e.getException();
            }
            throw new EvalException(ErrorCode.INVALID_XML, e, String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new EvalException(ErrorCode.INVALID_XML, e, String.valueOf(e.getMessage()));
        }
        Value r = handler.result;
        if (r == null) {
            throw new EvalException(ErrorCode.INVALID_XML, "no root element");
        }
        return r;
    }

    /**
     * A new parser per call: JAXP factories are not thread-safe, and {@code newDefaultInstance}
     * pins the JDK's implementation, whose security features are known, whatever else is on the
     * class path.
     */
    private static SAXParser parser() {
        try {
            SAXParserFactory f = SAXParserFactory.newDefaultInstance();
            f.setNamespaceAware(false);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser p = f.newSAXParser();
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return p;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        }
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
        // belt and braces: DOCTYPEs are refused already, and nothing may be fetched
        throw new SAXException("external entities are not allowed");
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        cx.step(1);
        if (open.size() >= maxDepth) {
            throw new EvalException(ErrorCode.VALUE_TOO_DEEP, cx.limits().maxValueDepth());
        }
        Element e = new Element(qName);
        for (int i = 0; i < attributes.getLength(); i++) {
            e.attributes.put(attributes.getQName(i), Values.text(attributes.getValue(i)));
        }
        open.push(e);
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        Element e = open.peek();
        if (e != null) {
            e.text.append(ch, start, length);
            cx.checkString(e.text.length());
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        Element e = open.pop();
        Value v = e.value();
        Element parent = open.peek();
        if (parent == null) {
            result = Values.object(Map.of(e.name, Values.array(List.of(v))));
            return;
        }
        if (e.name.equals(ATTRIBUTES) || e.name.equals(VALUE)) {
            throw new EvalException(
                    ErrorCode.INVALID_XML, "the element name '" + e.name + "' is reserved");
        }
        List<Value> siblings = parent.children.computeIfAbsent(e.name, k -> new ArrayList<>());
        siblings.add(v);
        cx.checkArray(siblings.size());
    }

    private static final class Element {
        final String name;
        final Map<String, Value> attributes = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
        final Map<String, List<Value>> children = new LinkedHashMap<>();

        Element(String name) {
            this.name = name;
        }

        Value value() {
            if (attributes.isEmpty() && children.isEmpty()) {
                return Values.text(text.toString());
            }
            LinkedHashMap<String, Value> props = new LinkedHashMap<>();
            if (!attributes.isEmpty()) {
                props.put(ATTRIBUTES, Values.object(attributes));
            }
            if (!xmlWhitespace(text)) {
                props.put(VALUE, Values.text(text.toString()));
            }
            for (Map.Entry<String, List<Value>> c : children.entrySet()) {
                props.put(c.getKey(), Values.array(c.getValue()));
            }
            return Values.objectOwning(props);
        }

        /**
         * Only XML's own whitespace (space, tab, CR, LF) counts as layout between child elements.
         */
        private static boolean xmlWhitespace(CharSequence s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                    return false;
                }
            }
            return true;
        }
    }
}
