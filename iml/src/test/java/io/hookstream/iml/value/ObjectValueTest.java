package io.hookstream.iml.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectValueTest {

    @Test
    void anObjectBuiltFromAMapCopiesItSoLaterChangesDoNotShow() {
        Map<String, Value> source = new HashMap<>(Map.of("a", Values.number(1)));
        ObjectValue object = (ObjectValue) Values.object(source);

        source.put("b", Values.number(2));

        assertThat(object.props()).containsOnlyKeys("a");
    }

    @Test
    void anOwningObjectKeepsTheMapItWasGivenWithItsOrder() {
        LinkedHashMap<String, Value> props = new LinkedHashMap<>();
        props.put("z", Values.number(1));
        props.put("a", Values.text("x"));
        props.put("m", Values.NULL);

        ObjectValue object = (ObjectValue) Values.objectOwning(props);

        assertThat(object.props().keySet()).containsExactly("z", "a", "m");
        assertThat(object.get("a")).isEqualTo(Values.text("x"));
        assertThat(object.props().containsKey("m")).isTrue();
        assertThat(object.get("nope")).isNull();
        assertThat(object.toString()).isEqualTo("{\"z\":1,\"a\":\"x\",\"m\":null}");
    }

    @Test
    void noObjectsPropertiesCanBeChangedThroughIt() {
        LinkedHashMap<String, Value> props = new LinkedHashMap<>(Map.of("a", Values.number(1)));
        for (ObjectValue object :
                new ObjectValue[] {
                    (ObjectValue) Values.object(props), (ObjectValue) Values.objectOwning(props)
                }) {
            assertThatThrownBy(() -> object.props().put("b", Values.number(2)))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> object.props().remove("a"))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(
                            () -> object.props().entrySet().iterator().next().setValue(Values.NULL))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> object.props().keySet().clear())
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void ownedAndCopiedObjectsWithTheSamePropertiesAreEqual() {
        LinkedHashMap<String, Value> props = new LinkedHashMap<>(Map.of("a", Values.number(1)));
        Value copied = Values.object(props);
        Value owned = Values.objectOwning(new LinkedHashMap<>(props));

        assertThat(owned).isEqualTo(copied).hasSameHashCodeAs(copied);
        assertThat(new ObjectValue(((ObjectValue) owned).props()).props())
                .isSameAs(((ObjectValue) owned).props());
    }
}
