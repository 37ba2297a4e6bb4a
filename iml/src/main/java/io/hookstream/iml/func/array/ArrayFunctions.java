package io.hookstream.iml.func.array;

import io.hookstream.iml.func.Args;
import io.hookstream.iml.func.CallContext;
import io.hookstream.iml.func.FunctionLibrary;
import io.hookstream.iml.func.FunctionRegistration;
import io.hookstream.iml.func.FunctionSpec;
import io.hookstream.iml.func.ValueType;
import io.hookstream.iml.func.general.GeneralFunctions;
import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.Coercions;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Array functions of §5.5 (plus {@code contains}, {@code indexOf} and {@code length}, which live
 * with text).
 */
public final class ArrayFunctions implements FunctionLibrary {

    @Override
    public void register(FunctionRegistration r) {
        r.add(
                array("add", ArrayFunctions::add, "A new array with the values appended.")
                        .varargs("value", ValueType.ANY)
                        .passMissing()
                        .build());
        r.add(
                array(
                                "distinct",
                                ArrayFunctions::distinct,
                                "Removes duplicates, keeping the first; with a key (dotted path) compares that property.")
                        .optional("key", ValueType.TEXT)
                        .build());
        r.add(
                array(
                                "deduplicate",
                                ArrayFunctions::distinct,
                                "Removes duplicates, keeping the first.")
                        .build());
        r.add(
                array("first", ArrayFunctions::first, "The first item.")
                        .returns(ValueType.ANY)
                        .build());
        r.add(array("last", ArrayFunctions::last, "The last item.").returns(ValueType.ANY).build());
        r.add(
                array(
                                "flatten",
                                ArrayFunctions::flatten,
                                "JavaScript Array.prototype.flat (depth 1 by default).")
                        .optional("depth", ValueType.NUMBER)
                        .build());
        r.add(
                array(
                                "join",
                                ArrayFunctions::join,
                                "The items' text joined by the separator (default ',').")
                        .optional("separator", ValueType.TEXT)
                        .returns(ValueType.TEXT)
                        .build());
        r.add(
                FunctionSpec.builder("keys")
                        .param("object", ValueType.OBJECT)
                        .returns(ValueType.ARRAY)
                        .eager(ArrayFunctions::keys)
                        .doc("The object's keys in insertion order.")
                        .build());
        r.add(
                array(
                                "map",
                                ArrayFunctions::map,
                                "Pulls a key (dotted path) out of each item; optionally keeps items whose filterKey is one of the comma-separated filterValues.")
                        .param("key", ValueType.TEXT)
                        .optional("filterKey", ValueType.TEXT)
                        .optional("filterValues", ValueType.ANY)
                        .build());
        r.add(
                array("merge", ArrayFunctions::merge, "Concatenates arrays.")
                        .varargs("array", ValueType.ARRAY)
                        .passMissing()
                        .build());
        r.add(
                array(
                                "remove",
                                ArrayFunctions::remove,
                                "Removes the given primitive values (D1 equality).")
                        .varargs("value", ValueType.ANY)
                        .build());
        r.add(array("reverse", ArrayFunctions::reverse, "Reversed copy.").build());
        r.add(array("shuffle", ArrayFunctions::shuffle, "Copy in random order.").impure().build());
        r.add(
                array(
                                "slice",
                                ArrayFunctions::slice,
                                "JavaScript slice: 0-based, end exclusive, negative from the end.")
                        .param("start", ValueType.NUMBER)
                        .optional("end", ValueType.NUMBER)
                        .build());
        r.add(
                array(
                                "sort",
                                ArrayFunctions::sort,
                                "Sorts by order asc (default), desc, 'asc ci' or 'desc ci', optionally by a key (dotted path); a non-order second argument is the key.")
                        .optional("order", ValueType.TEXT)
                        .optional("key", ValueType.TEXT)
                        .build());
        r.add(
                FunctionSpec.builder("toArray")
                        .param("object", ValueType.OBJECT)
                        .returns(ValueType.ARRAY)
                        .eager(ArrayFunctions::toArray)
                        .doc("[{key, value}, …] from an object.")
                        .build());
        r.add(
                array("toCollection", ArrayFunctions::toCollection, "The inverse of toArray.")
                        .param("keyName", ValueType.TEXT)
                        .param("valueName", ValueType.TEXT)
                        .returns(ValueType.OBJECT)
                        .build());
    }

    private static FunctionSpec.Builder array(String name, FunctionSpec.Eager impl, String doc) {
        return FunctionSpec.builder(name)
                .param("array", ValueType.ARRAY)
                .returns(ValueType.ARRAY)
                .eager(impl)
                .doc(doc);
    }

    private static ArrayValue arr(Value v, CallContext cx) {
        ArrayValue a = Coercions.toArray(v);
        cx.step(a.size());
        return a;
    }

    static Value add(Value[] args, CallContext cx) {
        List<Value> out = new ArrayList<>(arr(args[0], cx).items());
        for (int i = 1; i < args.length; i++) {
            out.add(args[i]);
        }
        cx.checkArray(out.size());
        return Values.array(out);
    }

    static Value distinct(Value[] args, CallContext cx) {
        ArrayValue a = arr(args[0], cx);
        String key = Args.has(args, 1) ? Args.text(args, 1) : null;
        Set<Value> seen = new HashSet<>();
        List<Value> out = new ArrayList<>();
        for (Value item : a.items()) {
            Value k = key == null ? item : GeneralFunctions.getPath(item, key);
            if (seen.add(k)) {
                out.add(item);
            }
        }
        return Values.array(out);
    }

    static Value first(Value[] args, CallContext cx) {
        ArrayValue a = (ArrayValue) args[0];
        return a.size() == 0 ? Values.UNDEFINED : a.get(0);
    }

    static Value last(Value[] args, CallContext cx) {
        ArrayValue a = (ArrayValue) args[0];
        return a.size() == 0 ? Values.UNDEFINED : a.get(a.size() - 1);
    }

    static Value flatten(Value[] args, CallContext cx) {
        int depth = Args.integer(args, 1, 1);
        List<Value> out = new ArrayList<>();
        flatten(arr(args[0], cx), depth, out, cx);
        return Values.array(out);
    }

    private static void flatten(ArrayValue a, int depth, List<Value> out, CallContext cx) {
        for (Value item : a.items()) {
            if (item.kind() == Kind.ARRAY && depth > 0) {
                cx.step(((ArrayValue) item).size());
                flatten((ArrayValue) item, depth - 1, out, cx);
            } else {
                out.add(item);
                cx.checkArray(out.size());
            }
        }
    }

    static Value join(Value[] args, CallContext cx) {
        ArrayValue a = arr(args[0], cx);
        String sep = args.length > 1 && !Values.isMissing(args[1]) ? Values.text(args[1]) : ",";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            Values.appendText(sb, a.get(i), 0);
            cx.checkString(sb.length());
        }
        return Values.text(sb.toString());
    }

    static Value keys(Value[] args, CallContext cx) {
        ObjectValue o = (ObjectValue) args[0];
        cx.step(o.props().size());
        List<Value> out = new ArrayList<>(o.props().size());
        for (String k : o.props().keySet()) {
            out.add(Values.text(k));
        }
        return Values.array(out);
    }

    static Value map(Value[] args, CallContext cx) {
        ArrayValue a = arr(args[0], cx);
        String key = Args.text(args, 1);
        String filterKey = Args.has(args, 2) ? Args.text(args, 2) : null;
        Set<String> filter = null;
        if (filterKey != null) {
            filter = new HashSet<>();
            if (Args.has(args, 3) && args[3].kind() == Kind.ARRAY) {
                for (Value v : ((ArrayValue) args[3]).items()) {
                    filter.add(Values.text(v));
                }
            } else {
                for (String v : Args.text(args, 3).split(",", -1)) {
                    filter.add(v.strip());
                }
            }
        }
        List<Value> out = new ArrayList<>();
        for (Value item : a.items()) {
            if (filter != null
                    && filterKey != null
                    && !filter.contains(Values.text(GeneralFunctions.getPath(item, filterKey)))) {
                continue;
            }
            Value v = GeneralFunctions.getPath(item, key);
            if (v.kind() != Kind.UNDEFINED) {
                out.add(v);
            }
        }
        return Values.array(out);
    }

    static Value merge(Value[] args, CallContext cx) {
        List<Value> out = new ArrayList<>();
        for (Value v : args) {
            out.addAll(arr(v, cx).items());
            cx.checkArray(out.size());
        }
        return Values.array(out);
    }

    static Value remove(Value[] args, CallContext cx) {
        List<Value> out = new ArrayList<>();
        outer:
        for (Value item : arr(args[0], cx).items()) {
            for (int i = 1; i < args.length; i++) {
                cx.step(1);
                if (Coercions.equal(item, args[i])) {
                    continue outer;
                }
            }
            out.add(item);
        }
        return Values.array(out);
    }

    static Value reverse(Value[] args, CallContext cx) {
        List<Value> out = new ArrayList<>(arr(args[0], cx).items());
        Collections.reverse(out);
        return Values.array(out);
    }

    static Value shuffle(Value[] args, CallContext cx) {
        List<Value> out = new ArrayList<>(arr(args[0], cx).items());
        for (int i = out.size() - 1; i > 0; i--) {
            Collections.swap(out, i, cx.random().nextInt(i + 1));
        }
        return Values.array(out);
    }

    static Value slice(Value[] args, CallContext cx) {
        List<Value> items = arr(args[0], cx).items();
        int n = items.size();
        int start = relative(Args.integer(args, 1, 0), n);
        int end = Args.has(args, 2) ? relative(Args.integer(args, 2, n), n) : n;
        return Values.array(start < end ? items.subList(start, end) : List.of());
    }

    private static int relative(int i, int n) {
        return i < 0 ? Math.max(0, n + i) : Math.min(i, n);
    }

    static Value sort(Value[] args, CallContext cx) {
        ArrayValue a = arr(args[0], cx);
        String order = Args.text(args, 1, "asc");
        String key = Args.has(args, 2) ? Args.text(args, 2) : null;
        String normalized = order.strip().toLowerCase(Locale.ROOT);
        if (!normalized.equals("asc")
                && !normalized.equals("desc")
                && !normalized.equals("asc ci")
                && !normalized.equals("desc ci")) {
            // sort(array, key): the second argument is not an order, so it is the key
            key = order;
            normalized = "asc";
        }
        boolean ignoreCase = normalized.endsWith(" ci");
        boolean descending = normalized.startsWith("desc");
        String path = key;
        Comparator<Value> cmp =
                (x, y) ->
                        Coercions.sortOrder(
                                path == null ? x : GeneralFunctions.getPath(x, path),
                                path == null ? y : GeneralFunctions.getPath(y, path),
                                ignoreCase);
        List<Value> out = new ArrayList<>(a.items());
        // log2(n) comparisons per item, each charged as one step
        cx.step((long) a.size() * Math.max(1, 64 - Long.numberOfLeadingZeros(a.size())));
        out.sort(descending ? cmp.reversed() : cmp);
        return Values.array(out);
    }

    static Value toArray(Value[] args, CallContext cx) {
        ObjectValue o = (ObjectValue) args[0];
        cx.step(o.props().size());
        List<Value> out = new ArrayList<>(o.props().size());
        for (Map.Entry<String, Value> e : o.props().entrySet()) {
            Map<String, Value> pair = new LinkedHashMap<>(4);
            pair.put("key", Values.text(e.getKey()));
            pair.put("value", e.getValue());
            out.add(Values.object(pair));
        }
        return Values.array(out);
    }

    static Value toCollection(Value[] args, CallContext cx) {
        String keyName = Args.text(args, 1);
        String valueName = Args.text(args, 2);
        LinkedHashMap<String, Value> out = new LinkedHashMap<>();
        for (Value item : arr(args[0], cx).items()) {
            if (item.kind() != Kind.OBJECT) {
                continue;
            }
            Value k = ((ObjectValue) item).get(keyName);
            if (k == null || Values.isMissing(k)) {
                continue;
            }
            Value v = ((ObjectValue) item).get(valueName);
            out.put(Values.text(k), v == null ? Values.UNDEFINED : v);
        }
        return Values.objectOwning(out);
    }
}
