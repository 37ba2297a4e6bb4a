package io.hookstream.webhook.conformance;

import io.hookstream.webhook.request.Headers;
import io.hookstream.webhook.request.MediaType;
import io.hookstream.webhook.request.WebhookRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the HTTP request a case describes: {@code rawBody} verbatim when present, otherwise {@code
 * body} serialised by the request's content type; a null, empty or absent body is no body (D23).
 */
final class CaseRequest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CaseRequest() {}

    static WebhookRequest build(JsonNode request, Instant receivedAt) {
        List<Map.Entry<String, String>> headerPairs = new ArrayList<>();
        JsonNode headers = request.path("headers");
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            if (header.getValue().isArray()) {
                header.getValue()
                        .forEach(v -> headerPairs.add(Map.entry(header.getKey(), v.asString())));
            } else {
                headerPairs.add(Map.entry(header.getKey(), header.getValue().asString()));
            }
        }
        Headers parsedHeaders = Headers.of(headerPairs);
        String contentType = parsedHeaders.first("content-type");
        return new WebhookRequest(
                request.path("method").asString("POST"),
                "/conformance",
                parsedHeaders,
                query(request.path("query")),
                contentType,
                body(request, contentType),
                receivedAt);
    }

    private static String query(JsonNode query) {
        StringJoiner pairs = new StringJoiner("&");
        for (Map.Entry<String, JsonNode> parameter : query.properties()) {
            String key = URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8);
            if (parameter.getValue().isArray()) {
                parameter
                        .getValue()
                        .forEach(
                                v ->
                                        pairs.add(
                                                key
                                                        + "="
                                                        + URLEncoder.encode(
                                                                v.asString(),
                                                                StandardCharsets.UTF_8)));
            } else {
                pairs.add(
                        key
                                + "="
                                + URLEncoder.encode(
                                        parameter.getValue().asString(), StandardCharsets.UTF_8));
            }
        }
        return pairs.toString();
    }

    private static byte[] body(JsonNode request, @Nullable String contentType) {
        JsonNode raw = request.get("rawBody");
        if (raw != null && !raw.isNull()) {
            if (raw.isObject() && raw.has("$binary")) {
                return HexFormat.of().parseHex(raw.get("$binary").stringValue());
            }
            return raw.asString().getBytes(StandardCharsets.UTF_8);
        }
        JsonNode body = request.get("body");
        if (body == null || body.isNull() || (body.isString() && body.stringValue().isEmpty())) {
            return new byte[0];
        }
        MediaType mediaType = MediaType.parse(contentType);
        if (mediaType != null && mediaType.isFormUrlEncoded() && body.isObject()) {
            return form(body).getBytes(StandardCharsets.UTF_8);
        }
        if (body.isString() && (mediaType == null || !mediaType.isJson())) {
            return body.stringValue().getBytes(StandardCharsets.UTF_8);
        }
        return JSON.writeValueAsBytes(body);
    }

    private static String form(JsonNode body) {
        StringJoiner pairs = new StringJoiner("&");
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String key = URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8);
            List<JsonNode> values = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(values::add);
            } else {
                values.add(field.getValue());
            }
            values.forEach(
                    v ->
                            pairs.add(
                                    key
                                            + "="
                                            + URLEncoder.encode(
                                                    v.asString(), StandardCharsets.UTF_8)));
        }
        return pairs.toString();
    }
}
