package io.hookstream.iml.value;

import java.util.List;

/** An immutable list of values. */
public record ArrayValue(List<Value> items) implements Value {

    public ArrayValue {
        items = List.copyOf(items);
    }

    public int size() {
        return items.size();
    }

    public Value get(int index) {
        return items.get(index);
    }

    @Override
    public Kind kind() {
        return Kind.ARRAY;
    }

    @Override
    public String toString() {
        return JsonText.write(this);
    }
}
