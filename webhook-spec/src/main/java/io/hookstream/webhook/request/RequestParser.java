package io.hookstream.webhook.request;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.Limits;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Translates a {@link WebhookRequest} into IML values (extension E5, Decisions D13 and D23).
 *
 * <p>It never throws on request content: whatever cannot be interpreted becomes text (or a buffer)
 * and raises a {@link RequestFlags flag}. The body size is capped by the caller before the body is
 * read; JSON nesting depth and string length are capped here through Jackson's {@link
 * StreamReadConstraints}. Thread-safe and reusable.
 */
public final class RequestParser {

    /** Default JSON nesting cap: deep enough for any real payload, shallow enough for the stack. */
    public static final int DEFAULT_MAX_JSON_DEPTH = 200;

    private final JsonMapper mapper;

    /**
     * The token streams of the JSON passes come from the factory itself: the mapper's {@code
     * createParser} builds a deserialization context for every parser, which these passes never
     * use.
     */
    private final JsonFactory factory;

    /**
     * Below this nesting a clean streaming scan is sure to agree with the tree parse (see {@link
     * #flags}).
     */
    private final int scanDepth;

    public RequestParser() {
        this(StreamReadConstraints.builder().maxNestingDepth(DEFAULT_MAX_JSON_DEPTH).build());
    }

    /**
     * A parser whose JSON nesting cap is the default, lowered to the engine's value depth if that
     * is smaller, so that every JSON body the parser accepts can also become an IML value.
     */
    public static RequestParser forLimits(Limits limits) {
        int depth = Math.min(DEFAULT_MAX_JSON_DEPTH, limits.maxValueDepth());
        return new RequestParser(StreamReadConstraints.builder().maxNestingDepth(depth).build());
    }

    public RequestParser(StreamReadConstraints constraints) {
        this.factory = JsonFactory.builder().streamReadConstraints(constraints).build();
        this.mapper =
                JsonMapper.builder(factory)
                        // decimals stay exact (D15): 0.1 must not become a binary double
                        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .build();
        this.scanDepth =
                Math.min(constraints.getMaxNestingDepth(), Limits.defaults().maxValueDepth()) - 1;
    }

    public ParsedRequest parse(WebhookRequest request) {
        Set<String> flags = new LinkedHashSet<>();
        Value body = body(request, flags);
        return new ParsedRequest(
                body,
                query(request),
                headers(request),
                Values.text(request.method()),
                rawBody(request),
                flags);
    }

    /** The request's body variable (E5, D23), adding to {@code flags} what parsing it raised. */
    public Value body(WebhookRequest request, Set<String> flags) {
        byte[] bytes = request.body();
        return bytes.length == 0
                ? Values.UNDEFINED
                : parseBody(bytes, request.contentType(), flags);
    }

    /** The {@code query} variable: the decoded query string as a flat object. */
    public Value query(WebhookRequest request) {
        return parseQuery(request.rawQuery());
    }

    /**
     * The {@code headers} variable: lower-cased names, repeated headers joined with {@code ", "}.
     */
    public Value headers(WebhookRequest request) {
        return headers(request.headers());
    }

    /** The {@code rawBody} variable: the body as text, or a buffer when it is not valid UTF-8. */
    public Value rawBody(WebhookRequest request) {
        return textOrBuffer(request.body(), StandardCharsets.UTF_8);
    }

    /**
     * The flags that {@link #parse} would raise for this request, without building the body's value
     * when that is not needed: a JSON body is checked with one streaming pass that reads every
     * token (and every number and string, so that Jackson's length constraints apply as in the tree
     * parse). Anything that pass does not accept, and every other content type, takes the full
     * parse, so the answer is always the same as {@code parse(request).flags()}.
     */
    public Set<String> flags(WebhookRequest request) {
        byte[] bytes = request.body();
        if (bytes.length == 0) {
            return Set.of();
        }
        MediaType mediaType = MediaType.parse(request.contentType());
        if (mediaType != null && mediaType.isJson() && isCleanJson(bytes)) {
            return Set.of();
        }
        Set<String> flags = new LinkedHashSet<>();
        parseBody(bytes, request.contentType(), flags);
        return Set.copyOf(flags);
    }

    /**
     * True only when the tree parse of {@link #json} is sure to succeed: one JSON value, no
     * trailing tokens, within the nesting and length constraints, and shallower than any depth cap.
     */
    private boolean isCleanJson(byte[] bytes) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return false;
            }
            int depth = 0;
            while (true) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth >= scanDepth) {
                            return false;
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case VALUE_NUMBER_INT -> parser.getNumberValue();
                    case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
                    case VALUE_STRING -> parser.getString();
                    default -> {
                        // names, booleans and nulls are fully checked by the tokenizer
                    }
                }
                if (depth == 0) {
                    break;
                }
                token = parser.nextToken();
                if (token == null) {
                    return false;
                }
            }
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return false;
        }
    }

    /**
     * The body of any HTTP message (e.g. a connection check's response) by the same rules as a
     * request body, without the flags.
     */
    public Value body(byte[] bytes, @Nullable String contentType) {
        return bytes.length == 0
                ? Values.UNDEFINED
                : parseBody(bytes, contentType, new LinkedHashSet<>());
    }

    private Value parseBody(byte[] bytes, @Nullable String contentType, Set<String> flags) {
        MediaType mediaType = MediaType.parse(contentType);
        if (mediaType == null) {
            return text(bytes, StandardCharsets.UTF_8, flags);
        }
        if (mediaType.isJson()) {
            return json(bytes, flags);
        }
        if (mediaType.isFormUrlEncoded()) {
            Charset charset = mediaType.charsetOrUtf8();
            // browsers send only ASCII with percent-escapes, but hand-written clients send raw
            // UTF-8 too
            String text = TextDecoding.decodeStrictly(bytes, charset);
            String form = text != null ? text : new String(bytes, StandardCharsets.ISO_8859_1);
            return flatObject(FormDecoder.decode(form, charset));
        }
        if (mediaType.isMultipartForm()) {
            return multipart(bytes, mediaType, flags);
        }
        return text(bytes, mediaType.charsetOrUtf8(), flags);
    }

    /**
     * JSON straight from the token stream into IML values, without an intermediate tree: the same
     * values, limits and flags as {@code Values.fromJson(mapper.readTree(bytes))}, at about half
     * the allocation. An empty (whitespace-only) body keeps the tree parse's answer.
     */
    private Value json(byte[] bytes, Set<String> flags) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return treeJson(bytes, flags);
            }
            Value value = value(parser, first, 0, Limits.defaults().maxValueDepth());
            if (parser.nextToken() == null) {
                return value;
            }
            // FAIL_ON_TRAILING_TOKENS: a second value after the first
            flags.add(RequestFlags.MALFORMED_JSON);
        } catch (StreamConstraintsException | ImlException e) {
            // ImlException: the value model's own depth cap, in case it is lower than the parser's
            flags.add(RequestFlags.JSON_LIMIT_EXCEEDED);
        } catch (JacksonException e) {
            flags.add(RequestFlags.MALFORMED_JSON);
        }
        return text(bytes, StandardCharsets.UTF_8, flags);
    }

    /**
     * One value starting at {@code token}; numbers as {@code Values.fromJson} makes them from tree
     * nodes.
     */
    private static Value value(JsonParser parser, JsonToken token, int depth, int maxDepth) {
        switch (token) {
            case START_OBJECT -> {
                if (depth >= maxDepth) {
                    throw new EvalException(ErrorCode.VALUE_TOO_DEEP, maxDepth);
                }
                LinkedHashMap<String, Value> props = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken();
                        t != JsonToken.END_OBJECT;
                        t = parser.nextToken()) {
                    String name = parser.currentName();
                    props.put(name, value(parser, parser.nextToken(), depth + 1, maxDepth));
                }
                return Values.objectOwning(props);
            }
            case START_ARRAY -> {
                if (depth >= maxDepth) {
                    throw new EvalException(ErrorCode.VALUE_TOO_DEEP, maxDepth);
                }
                List<Value> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken();
                        t != JsonToken.END_ARRAY;
                        t = parser.nextToken()) {
                    items.add(value(parser, t, depth + 1, maxDepth));
                }
                return Values.array(items);
            }
            case VALUE_STRING -> {
                return Values.text(parser.getString());
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? Values.number(new BigDecimal(parser.getBigIntegerValue()))
                        : Values.number(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return Values.number(parser.getDecimalValue());
            }
            case VALUE_TRUE -> {
                return Values.TRUE;
            }
            case VALUE_FALSE -> {
                return Values.FALSE;
            }
            case VALUE_NULL -> {
                return Values.NULL;
            }
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    /** The tree parse, kept for what the streaming one leaves to it. */
    private Value treeJson(byte[] bytes, Set<String> flags) {
        try {
            JsonNode node = mapper.readTree(bytes);
            return Values.fromJson(node);
        } catch (StreamConstraintsException | ImlException e) {
            flags.add(RequestFlags.JSON_LIMIT_EXCEEDED);
        } catch (JacksonException e) {
            flags.add(RequestFlags.MALFORMED_JSON);
        }
        return text(bytes, StandardCharsets.UTF_8, flags);
    }

    private static Value multipart(byte[] bytes, MediaType mediaType, Set<String> flags) {
        String boundary = mediaType.parameters().get("boundary");
        try {
            if (boundary == null) {
                throw new MultipartDecoder.MalformedMultipartException("no boundary parameter");
            }
            Map<String, List<Value>> fields = new LinkedHashMap<>();
            for (MultipartDecoder.Part part : MultipartDecoder.decode(bytes, boundary)) {
                fields.computeIfAbsent(part.name(), name -> new ArrayList<>()).add(partValue(part));
            }
            return collapse(fields);
        } catch (MultipartDecoder.MalformedMultipartException e) {
            flags.add(RequestFlags.MALFORMED_MULTIPART);
            return text(bytes, StandardCharsets.UTF_8, flags);
        }
    }

    private static Value partValue(MultipartDecoder.Part part) {
        MediaType partType = MediaType.parse(part.contentType());
        if (part.filename() == null) {
            Charset charset = partType == null ? StandardCharsets.UTF_8 : partType.charsetOrUtf8();
            return textOrBuffer(part.content(), charset);
        }
        LinkedHashMap<String, Value> file = new LinkedHashMap<>();
        file.put("filename", Values.text(part.filename()));
        file.put(
                "contentType",
                Values.text(
                        part.contentType() == null
                                ? "application/octet-stream"
                                : part.contentType()));
        file.put("size", Values.number(part.content().length));
        file.put("data", Values.buffer(part.content()));
        return Values.objectOwning(file);
    }

    /** Decoded query; keys and values are UTF-8 percent-decoded, {@code +} is a space. */
    static Value parseQuery(String rawQuery) {
        return flatObject(FormDecoder.decode(rawQuery, StandardCharsets.UTF_8));
    }

    /**
     * Headers as the {@code headers} variable of requests and connection responses alike:
     * lower-cased names, repeated fields joined with {@code ", "}.
     */
    public static Value headers(Headers headers) {
        LinkedHashMap<String, Value> object = new LinkedHashMap<>();
        // RFC 9110 §5.3: repeated field lines are equivalent to one line with values joined by
        // commas
        headers.asMap()
                .forEach(
                        (name, values) -> object.put(name, Values.text(String.join(", ", values))));
        return Values.objectOwning(object);
    }

    private static Value flatObject(List<Map.Entry<String, String>> pairs) {
        Map<String, List<Value>> grouped = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : pairs) {
            grouped.computeIfAbsent(pair.getKey(), key -> new ArrayList<>())
                    .add(Values.text(pair.getValue()));
        }
        return collapse(grouped);
    }

    /** A key seen once maps to its value, a repeated key to the array of its values. */
    private static Value collapse(Map<String, List<Value>> grouped) {
        LinkedHashMap<String, Value> object = new LinkedHashMap<>();
        grouped.forEach(
                (key, values) ->
                        object.put(key, values.size() == 1 ? values.get(0) : Values.array(values)));
        return Values.objectOwning(object);
    }

    private static Value text(byte[] bytes, Charset charset, Set<String> flags) {
        String text = TextDecoding.decodeStrictly(bytes, charset);
        if (text == null) {
            flags.add(RequestFlags.UNDECODABLE_TEXT);
            return Values.buffer(bytes);
        }
        return Values.text(text);
    }

    private static Value textOrBuffer(byte[] bytes, Charset charset) {
        String text = TextDecoding.decodeStrictly(bytes, charset);
        return text == null ? Values.buffer(bytes) : Values.text(text);
    }
}
