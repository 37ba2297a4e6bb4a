package io.hookstream.cli.conformance;

import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.BufferValue;
import io.hookstream.iml.value.DateValue;
import io.hookstream.iml.value.NumberValue;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Equality for conformance: same type, numbers by value (5 equals 5.0), dates by instant, buffers
 * by bytes, arrays in order, objects by keys regardless of order.
 */
final class ValueComparison {

    private ValueComparison() {}

    static boolean same(Value expected, Value actual) {
        if (expected.kind() != actual.kind()) {
            return false;
        }
        switch (expected.kind()) {
            case NUMBER:
                return ((NumberValue) expected).value().compareTo(((NumberValue) actual).value())
                        == 0;
            case DATE:
                return ((DateValue) expected).value().equals(((DateValue) actual).value());
            case BUFFER:
                return Arrays.equals(
                        ((BufferValue) expected).bytes(), ((BufferValue) actual).bytes());
            case ARRAY:
                {
                    List<Value> e = ((ArrayValue) expected).items();
                    List<Value> a = ((ArrayValue) actual).items();
                    if (e.size() != a.size()) {
                        return false;
                    }
                    for (int i = 0; i < e.size(); i++) {
                        if (!same(e.get(i), a.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }
            case OBJECT:
                {
                    Map<String, Value> e = ((ObjectValue) expected).props();
                    Map<String, Value> a = ((ObjectValue) actual).props();
                    if (!e.keySet().equals(a.keySet())) {
                        return false;
                    }
                    for (Map.Entry<String, Value> entry : e.entrySet()) {
                        Value other = a.get(entry.getKey());
                        // the key sets are equal, so other is missing only for a null value
                        if (other == null || !same(entry.getValue(), other)) {
                            return false;
                        }
                    }
                    return true;
                }
            default:
                return expected.equals(actual);
        }
    }
}
