package io.hookstream.webhook.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.Value;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one reader of the corpus' typed markers, used by expression and webhook cases alike. */
class TypedJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void markersBecomeTheirValuesAndDescribeBackToTheSameMarkers() {
        Value v =
                TypedJson.toValue(
                        json(
                                "{\"at\":{\"$date\":\"2024-01-02T03:04:05Z\"},\"gone\":{\"$undefined\":true},"
                                        + "\"raw\":{\"$binary\":\"00ff\"},\"list\":[1,\"a\"]}"));
        assertThat(v.kind()).isEqualTo(Kind.OBJECT);
        assertThat(TypedJson.describe(v))
                .isEqualTo(
                        "{\"at\":{\"$date\":\"2024-01-02T03:04:05.000Z\"},\"gone\":{\"$undefined\":true},"
                                + "\"raw\":{\"$binary\":\"00ff\"},\"list\":[1,\"a\"]}");
    }

    @Test
    void objectsThatOnlyLookLikeMarkersStayObjects() {
        assertThat(TypedJson.toValue(json("{\"$date\":5}")).kind()).isEqualTo(Kind.OBJECT);
        assertThat(TypedJson.toValue(json("{\"$undefined\":false}")).kind()).isEqualTo(Kind.OBJECT);
        assertThat(TypedJson.toValue(json("{\"$binary\":true}")).kind()).isEqualTo(Kind.OBJECT);
        assertThat(TypedJson.toValue(json("{\"$date\":\"2024-01-02T03:04:05Z\",\"x\":1}")).kind())
                .isEqualTo(Kind.OBJECT);
    }

    @Test
    void equivalenceComparesNumbersByValueAndIgnoresKeyOrder() {
        assertThat(
                        TypedJson.equivalent(
                                json("{\"a\":1.0,\"b\":[2]}"), json("{\"b\":[2.00],\"a\":1}")))
                .isTrue();
        assertThat(TypedJson.equivalent(json("{\"a\":1}"), json("{\"a\":2}"))).isFalse();
    }
}
