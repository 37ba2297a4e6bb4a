package io.hookstream.webhook.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.value.BufferValue;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadConstraints;

class RequestParserTest {

    private final RequestParser parser = new RequestParser();

    @Test
    void jsonBecomesAValueWithExactDecimals() {
        ParsedRequest parsed =
                parser.parse(
                        request(
                                "application/json; charset=utf-8",
                                "{\"a\":0.1,\"b\":[1,true,null]}"));

        assertThat(json(parsed.body())).isEqualTo("{\"a\":0.1,\"b\":[1,true,null]}");
        assertThat(((ObjectValue) parsed.body()).get("a"))
                .isEqualTo(Values.number(new BigDecimal("0.1")));
        assertThat(parsed.flags()).isEmpty();
    }

    @Test
    void structuredSyntaxJsonTypesAreJson() {
        assertThat(parser.parse(request("application/vnd.api+json", "{\"x\":1}")).body().kind())
                .isEqualTo(Kind.OBJECT);
        assertThat(parser.parse(request("application/cloudevents+json", "[1]")).body().kind())
                .isEqualTo(Kind.ARRAY);
    }

    @Test
    void malformedJsonIsTextAndFlaggedNeverAnError() {
        ParsedRequest parsed = parser.parse(request("application/json", "{\"a\":"));

        assertThat(parsed.body()).isEqualTo(Values.text("{\"a\":"));
        assertThat(parsed.flags()).containsExactly(RequestFlags.MALFORMED_JSON);
    }

    @Test
    void trailingGarbageAfterJsonIsMalformed() {
        ParsedRequest parsed = parser.parse(request("application/json", "{} trailing"));

        assertThat(parsed.body()).isEqualTo(Values.text("{} trailing"));
        assertThat(parsed.flags()).containsExactly(RequestFlags.MALFORMED_JSON);
    }

    @Test
    void jsonDeeperThanTheCapIsTextAndFlagged() {
        RequestParser shallow =
                new RequestParser(StreamReadConstraints.builder().maxNestingDepth(5).build());
        String deep = "[".repeat(10) + "]".repeat(10);

        ParsedRequest parsed = shallow.parse(request("application/json", deep));

        assertThat(parsed.body()).isEqualTo(Values.text(deep));
        assertThat(parsed.flags()).containsExactly(RequestFlags.JSON_LIMIT_EXCEEDED);
        assertThat(shallow.parse(request("application/json", "[[[1]]]")).flags()).isEmpty();
    }

    @Test
    void formBecomesAFlatObjectWithRepeatedKeysAsArrays() {
        ParsedRequest parsed =
                parser.parse(
                        request(
                                "application/x-www-form-urlencoded",
                                "a=1&b=x+y&a=2&c=%C3%A9%26&empty=&flag&bad=%zz"));

        assertThat(json(parsed.body()))
                .isEqualTo(
                        "{\"a\":[\"1\",\"2\"],\"b\":\"x y\",\"c\":\"é&\",\"empty\":\"\",\"flag\":\"\",\"bad\":\"%zz\"}");
    }

    @Test
    void rawUtf8InAFormBodyIsReadAsText() {
        assertThat(
                        json(
                                parser.parse(
                                                request(
                                                        "application/x-www-form-urlencoded",
                                                        "name=é+ü&x=%C3%A9"))
                                        .body()))
                .isEqualTo("{\"name\":\"é ü\",\"x\":\"é\"}");
    }

    @Test
    void multipartBecomesFieldsAndFiles() {
        String body =
                "--B\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHi\r\n"
                        + "--B\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\none\r\n"
                        + "--B\r\nContent-Disposition: form-data; name=\"tag\"\r\n\r\ntwo\r\n"
                        + "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n\u0001\u0002\r\n--B--\r\n";

        ParsedRequest parsed = parser.parse(request("multipart/form-data; boundary=\"B\"", body));

        ObjectValue object = (ObjectValue) parsed.body();
        assertThat(object.get("title")).isEqualTo(Values.text("Hi"));
        assertThat(json(object.get("tag"))).isEqualTo("[\"one\",\"two\"]");
        ObjectValue file = (ObjectValue) object.get("file");
        assertThat(file.get("filename")).isEqualTo(Values.text("x.bin"));
        assertThat(file.get("contentType")).isEqualTo(Values.text("application/octet-stream"));
        assertThat(file.get("size")).isEqualTo(Values.number(2));
        assertThat(((BufferValue) file.get("data")).bytes()).containsExactly(1, 2);
        assertThat(parsed.flags()).isEmpty();
    }

    @Test
    void malformedMultipartIsTextAndFlagged() {
        ParsedRequest parsed =
                parser.parse(request("multipart/form-data; boundary=B", "--B\r\nno end"));

        assertThat(parsed.body()).isEqualTo(Values.text("--B\r\nno end"));
        assertThat(parsed.flags()).containsExactly(RequestFlags.MALFORMED_MULTIPART);
        assertThat(parser.parse(request("multipart/form-data", "x")).flags())
                .containsExactly(RequestFlags.MALFORMED_MULTIPART);
    }

    @Test
    void textXmlUnknownAndMissingTypesAreText() {
        for (String type :
                new String[] {
                    "text/plain", "application/xml", "text/xml", "application/octet-stream", null
                }) {
            assertThat(parser.parse(request(type, "<a>é</a>")).body())
                    .as(String.valueOf(type))
                    .isEqualTo(Values.text("<a>é</a>"));
        }
    }

    @Test
    void textHonoursTheDeclaredCharset() {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);

        ParsedRequest parsed = parser.parse(request("text/plain; charset=ISO-8859-1", latin1));

        assertThat(parsed.body()).isEqualTo(Values.text("café"));
        // rawBody is always read as UTF-8, where this byte sequence is invalid
        assertThat(parsed.rawBody().kind()).isEqualTo(Kind.BUFFER);
    }

    @Test
    void invalidUtf8IsABufferInBodyAndRawBody() {
        byte[] bytes = {(byte) 0xff, (byte) 0xfe, 'a'};

        ParsedRequest parsed = parser.parse(request("application/octet-stream", bytes));

        assertThat(((BufferValue) parsed.body()).bytes()).isEqualTo(bytes);
        assertThat(((BufferValue) parsed.rawBody()).bytes()).isEqualTo(bytes);
        assertThat(parsed.flags()).containsExactly(RequestFlags.UNDECODABLE_TEXT);
    }

    @Test
    void rawBodyIsTheTextExactlyAsReceived() {
        String body = "{ \"a\" : 1 }\n";

        assertThat(parser.parse(request("application/json", body)).rawBody())
                .isEqualTo(Values.text(body));
    }

    @Test
    void emptyBodyIsUndefinedWithEmptyRawBodyWhateverTheType() {
        for (String type :
                new String[] {
                    "application/json", "application/x-www-form-urlencoded", "text/plain", null
                }) {
            ParsedRequest parsed = parser.parse(request(type, new byte[0]));
            assertThat(Values.isUndefined(parsed.body())).as(String.valueOf(type)).isTrue();
            assertThat(parsed.rawBody()).isEqualTo(Values.text(""));
            assertThat(parsed.flags()).isEmpty();
        }
    }

    @Test
    void queryIsDecodedWithRepeatedKeysAsArrays() {
        WebhookRequest request =
                new WebhookRequest(
                        "GET",
                        "/h",
                        Headers.empty(),
                        "hub.mode=subscribe&hub.challenge=1158201444&x=a+b%2Bc&x=2",
                        null,
                        new byte[0],
                        Instant.EPOCH);

        assertThat(json(parser.parse(request).query()))
                .isEqualTo(
                        "{\"hub.mode\":\"subscribe\",\"hub.challenge\":\"1158201444\",\"x\":[\"a b+c\",\"2\"]}");
    }

    @Test
    void headersAreLowerCasedTextAndRepeatedOnesJoined() {
        WebhookRequest request =
                new WebhookRequest(
                        "post",
                        "/h",
                        Headers.of(
                                List.of(
                                        Map.entry("X-Event", "a"),
                                        Map.entry("X-EVENT", "b"),
                                        Map.entry("Accept", "*/*"))),
                        "",
                        null,
                        new byte[0],
                        Instant.EPOCH);

        ParsedRequest parsed = parser.parse(request);

        assertThat(json(parsed.headers())).isEqualTo("{\"x-event\":\"a, b\",\"accept\":\"*/*\"}");
        assertThat(parsed.method()).isEqualTo(Values.text("post"));
    }

    @Test
    void flagsWithoutTheBodyValueAreTheFlagsOfTheFullParse() {
        RequestParser shallow =
                new RequestParser(StreamReadConstraints.builder().maxNestingDepth(5).build());
        RequestParser shortStrings =
                new RequestParser(StreamReadConstraints.builder().maxStringLength(8).build());
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        List<WebhookRequest> requests =
                List.of(
                        request(
                                "application/json",
                                "{\"a\":0.1,\"b\":[1,true,null,{\"c\":\"d\"}]}"),
                        request("application/json", "  42 "),
                        request("application/json", "\"text\""),
                        request("application/json", "   "),
                        request("application/json", "{\"a\":"),
                        request("application/json", "{} trailing"),
                        request("application/json", "{}{}"),
                        request("application/json", "[1,]"),
                        request("application/json", "{\"n\":" + "9".repeat(2000) + "}"),
                        request("application/json", "{\"n\":1." + "5".repeat(2000) + "}"),
                        request("application/json", "[".repeat(300) + "]".repeat(300)),
                        request("application/json", latin1),
                        request("application/json; charset=utf-8", "{\"\u00e9\":\"\u00e8\"}"),
                        request("application/vnd.api+json", "[1, 2]"),
                        request("text/plain", "hello"),
                        request("text/plain", latin1),
                        request("application/x-www-form-urlencoded", "a=1&b=2&a=3"),
                        request("multipart/form-data", "no boundary"),
                        request(null, "{\"a\":1}"),
                        request("application/json", new byte[0]));
        for (WebhookRequest r : requests) {
            assertThat(parser.flags(r))
                    .as(new String(r.body(), StandardCharsets.UTF_8))
                    .isEqualTo(parser.parse(r).flags());
            assertThat(shallow.flags(r)).isEqualTo(shallow.parse(r).flags());
            assertThat(shortStrings.flags(r)).isEqualTo(shortStrings.parse(r).flags());
        }
        assertThat(shallow.flags(request("application/json", "[[[[[[[[[[]]]]]]]]]]")))
                .containsExactly(RequestFlags.JSON_LIMIT_EXCEEDED);
    }

    @Test
    void jsonBodiesAreTheValuesOfTheirTree() {
        tools.jackson.databind.json.JsonMapper tree =
                tools.jackson.databind.json.JsonMapper.builder()
                        .enable(
                                tools.jackson.databind.DeserializationFeature
                                        .USE_BIG_DECIMAL_FOR_FLOATS)
                        .build();
        List<String> bodies =
                List.of(
                        "{\"a\":0.1,\"b\":[1,true,null,{\"c\":\"d\"}],\"e\":{},\"f\":[]}",
                        "{\"x\":1,\"y\":2,\"x\":3}",
                        "[1.50, 1e2, -0, 0.0, -1.25E-3, 12345678901234567890123, -9223372036854775808, 9223372036854775807]",
                        "{\"\u00e9\":\"\u00e8\\n\\u0041\",\"empty\":\"\",\"nested\":{\"deep\":[[[{\"k\":false}]]]}}",
                        "42",
                        "\"text\"",
                        "null",
                        "true",
                        "  [ ]  ");
        for (String body : bodies) {
            ParsedRequest parsed = parser.parse(request("application/json", body));
            assertThat(parsed.body()).as(body).isEqualTo(Values.fromJson(tree.readTree(body)));
            assertThat(parsed.flags()).as(body).isEmpty();
        }
    }

    private static WebhookRequest request(@Nullable String contentType, String body) {
        return request(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static WebhookRequest request(@Nullable String contentType, byte[] body) {
        Headers headers =
                contentType == null
                        ? Headers.empty()
                        : Headers.of(Map.of("Content-Type", contentType));
        return new WebhookRequest(
                "POST", "/hooks/h1", headers, "", contentType, body, Instant.EPOCH);
    }

    private static String json(@Nullable Value value) {
        return Values.toJson(value).toString();
    }
}
