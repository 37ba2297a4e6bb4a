package io.hookstream.webhook.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ItemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Value order() {
        Map<String, Value> props = new LinkedHashMap<>();
        props.put("id", Values.number(7));
        props.put("big", Values.number(new BigDecimal("123456789012345678901234567890")));
        props.put("price", Values.number(new BigDecimal("19.90")));
        props.put("gone", Values.UNDEFINED);
        props.put(
                "tags",
                Values.array(
                        List.of(
                                Values.text("a\u0001\"b"),
                                Values.NULL,
                                Values.UNDEFINED,
                                Values.TRUE)));
        return Values.object(props);
    }

    @Test
    void theJsonTextIsTheTreeWrittenCompactly() {
        Item item = new Item(0, order(), null);

        assertThat(item.outputJson()).isEqualTo(JSON.writeValueAsString(item.output()));
        assertThat(JSON.readTree(item.outputJson()))
                .isEqualTo(
                        JSON.readTree(
                                "{\"id\":7,\"big\":123456789012345678901234567890,\"price\":19.90,\"tags\":[\"a\\u0001\\\"b\",null,null,true]}"));
    }

    @Test
    void everyTreeHandedOutIsTheCallersOwn() {
        Item item = new Item(1, order(), "u");

        ((ObjectNode) item.output()).put("id", 8);

        assertThat(item.output().get("id").asInt()).isEqualTo(7);
        assertThat(item.outputJson()).startsWith("{\"id\":7,");
    }

    @Test
    void anItemHasContentAndNoNegativeIndex() {
        assertThatThrownBy(() -> new Item(-1, order(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Item(0, null, null)).isInstanceOf(NullPointerException.class);
    }
}
