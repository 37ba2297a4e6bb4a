package io.hookstream.webhook.respond;

import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.BufferValue;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serialises an evaluated {@code respond.body} by {@code respond.type} (Decision D22). An undefined
 * body (absent, or a missing value) is no body at all: empty bytes and no content type.
 * Thread-safe.
 */
public final class ResponseBodyEncoder {

    private final JsonMapper mapper =
            JsonMapper.builder()
                    // 1E+3 is valid JSON but surprises clients; numbers are written as JavaScript
                    // would
                    .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .build();

    public EncodedBody encode(ResponseType type, Value body) {
        if (Values.isUndefined(body)) {
            return EncodedBody.EMPTY;
        }
        switch (type) {
            case JSON:
                return new EncodedBody(
                        type.contentType(), mapper.writeValueAsBytes(Values.toJson(body)));
            case URLENCODED:
                return new EncodedBody(
                        type.contentType(), urlEncoded(body).getBytes(StandardCharsets.UTF_8));
            case TEXT:
                return new EncodedBody(type.contentType(), textBytes(body));
            default:
                throw new IllegalStateException(type.name());
        }
    }

    /**
     * HTML-form encoding of a flat object: UTF-8, space as {@code +}; an array value repeats its
     * key, an undefined property is left out, other values use their text form (D6). A body that is
     * not an object is taken to be encoded already and is sent as its text.
     */
    static String urlEncoded(Value body) {
        if (body.kind() != Kind.OBJECT) {
            return Values.text(body);
        }
        StringJoiner pairs = new StringJoiner("&");
        for (Map.Entry<String, Value> property : ((ObjectValue) body).props().entrySet()) {
            Value value = property.getValue();
            if (value.kind() == Kind.UNDEFINED) {
                continue;
            }
            String key = formEncode(property.getKey());
            if (value.kind() == Kind.ARRAY) {
                for (Value element : ((ArrayValue) value).items()) {
                    pairs.add(key + "=" + formEncode(Values.text(element)));
                }
            } else {
                pairs.add(key + "=" + formEncode(Values.text(value)));
            }
        }
        return pairs.toString();
    }

    /**
     * {@link URLEncoder} implements exactly the application/x-www-form-urlencoded byte serializer.
     */
    private static String formEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A buffer is sent byte for byte; anything else as its UTF-8 text form. */
    private static byte[] textBytes(Value body) {
        return body.kind() == Kind.BUFFER
                ? ((BufferValue) body).bytes()
                : Values.text(body).getBytes(StandardCharsets.UTF_8);
    }
}
