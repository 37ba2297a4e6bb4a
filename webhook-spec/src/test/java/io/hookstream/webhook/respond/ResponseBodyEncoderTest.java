package io.hookstream.webhook.respond;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseBodyEncoderTest {

    private final ResponseBodyEncoder encoder = new ResponseBodyEncoder();

    @Test
    void jsonIsCompactUtf8WithDatesAsIsoTextAndUndefinedPropertiesLeftOut() {
        Map<String, Value> object = new LinkedHashMap<>();
        object.put("plainToken", Values.text("qgg8"));
        object.put("n", Values.number(new BigDecimal("0.10")));
        object.put("big", Values.number(new BigDecimal("1E+3")));
        object.put("at", Values.date(Instant.parse("2021-05-04T10:00:00Z")));
        object.put("gone", Values.UNDEFINED);
        object.put("none", Values.NULL);

        EncodedBody body = encoder.encode(ResponseType.JSON, Values.object(object));

        assertThat(body.contentType()).isEqualTo("application/json");
        assertThat(text(body))
                .isEqualTo(
                        "{\"plainToken\":\"qgg8\",\"n\":0.1,\"big\":1000,\"at\":\"2021-05-04T10:00:00.000Z\",\"none\":null}");
    }

    @Test
    void jsonTextBodyIsAJsonString() {
        assertThat(text(encoder.encode(ResponseType.JSON, Values.text("a\"b"))))
                .isEqualTo("\"a\\\"b\"");
    }

    @Test
    void textIsTheTextFormAndABufferIsSentByteForByte() {
        EncodedBody text = encoder.encode(ResponseType.TEXT, Values.number(42));
        assertThat(text.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(text(text)).isEqualTo("42");

        byte[] raw = {(byte) 0xff, 0, 1};
        assertThat(encoder.encode(ResponseType.TEXT, Values.buffer(raw)).bytes()).isEqualTo(raw);
    }

    @Test
    void urlencodedUsesHtmlFormEncodingAndRepeatsArrayKeys() {
        Map<String, Value> object = new LinkedHashMap<>();
        object.put("challenge", Values.text("k&v"));
        object.put("x", Values.text("a b"));
        object.put("list", Values.array(List.of(Values.number(1), Values.text("é"))));
        object.put("nested", Values.object(Map.of("k", Values.bool(true))));
        object.put("skipped", Values.UNDEFINED);
        object.put("empty", Values.NULL);

        EncodedBody body = encoder.encode(ResponseType.URLENCODED, Values.object(object));

        assertThat(body.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(text(body))
                .isEqualTo(
                        "challenge=k%26v&x=a+b&list=1&list=%C3%A9&nested=%7B%22k%22%3Atrue%7D&empty=");
    }

    @Test
    void urlencodedTextIsTakenAsAlreadyEncoded() {
        assertThat(text(encoder.encode(ResponseType.URLENCODED, Values.text("a=1&b=2"))))
                .isEqualTo("a=1&b=2");
    }

    @Test
    void anUndefinedBodyIsNoBodyAndNoContentType() {
        for (ResponseType type : ResponseType.values()) {
            assertThat(encoder.encode(type, Values.UNDEFINED)).isEqualTo(EncodedBody.EMPTY);
        }
    }

    @Test
    void typeNamesAreCaseInsensitive() {
        assertThat(ResponseType.fromName("URLencoded")).isEqualTo(ResponseType.URLENCODED);
        assertThat(ResponseType.fromName("xml")).isNull();
    }

    private static String text(EncodedBody body) {
        return new String(body.bytes(), StandardCharsets.UTF_8);
    }
}
