package io.hookstream.iml.func.general;

import io.hookstream.iml.func.CallContext;
import io.hookstream.iml.func.FunctionLibrary;
import io.hookstream.iml.func.FunctionRegistration;
import io.hookstream.iml.func.FunctionSpec;
import io.hookstream.iml.func.LazyArgs;
import io.hookstream.iml.func.ValueType;
import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.NumberValue;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** General functions of §5.1: {@code if ifempty switch get pick omit mergeCollections isArray}. */
public final class GeneralFunctions implements FunctionLibrary {

    @Override
    public void register(FunctionRegistration r) {
        r.add(
                FunctionSpec.builder("if")
                        .param("condition", ValueType.ANY)
                        .param("then", ValueType.ANY)
                        .optional("else", ValueType.ANY)
                        .lazy(GeneralFunctions::ifThen)
                        .doc(
                                "The second argument when the condition is truthy (D5), else the third; only that one is evaluated.")
                        .build());
        r.add(
                FunctionSpec.builder("ifempty")
                        .param("value", ValueType.ANY)
                        .param("fallback", ValueType.ANY)
                        .lazy(GeneralFunctions::ifEmpty)
                        .doc(
                                "The value unless it is undefined, null or empty text, else the fallback.")
                        .build());
        r.add(
                FunctionSpec.builder("switch")
                        .param("value", ValueType.ANY)
                        .varargs("case", ValueType.ANY)
                        .lazy(GeneralFunctions::switchCase)
                        .doc(
                                "The result paired with the first case equal (as text) to the value; an odd last argument is the default.")
                        .build());
        r.add(
                FunctionSpec.builder("get")
                        .param("value", ValueType.ANY)
                        .param("path", ValueType.ANY)
                        .eager(GeneralFunctions::get)
                        .doc(
                                "Reads a dotted path (numeric segments index arrays from 1) or an array index.")
                        .build());
        r.add(
                FunctionSpec.builder("pick")
                        .param("object", ValueType.OBJECT)
                        .varargs("key", ValueType.ANY)
                        .returns(ValueType.OBJECT)
                        .eager(GeneralFunctions::pick)
                        .doc("A new object with only the listed keys.")
                        .build());
        r.add(
                FunctionSpec.builder("omit")
                        .param("object", ValueType.OBJECT)
                        .varargs("key", ValueType.ANY)
                        .returns(ValueType.OBJECT)
                        .eager(GeneralFunctions::omit)
                        .doc("A new object without the listed keys.")
                        .build());
        r.add(
                FunctionSpec.builder("mergeCollections")
                        .param("first", ValueType.OBJECT)
                        .varargs("other", ValueType.OBJECT)
                        .returns(ValueType.OBJECT)
                        .passMissing()
                        .eager(GeneralFunctions::mergeCollections)
                        .doc("Merges objects; later objects win.")
                        .build());
        r.add(
                FunctionSpec.builder("isArray")
                        .param("value", ValueType.ANY)
                        .returns(ValueType.BOOLEAN)
                        .eager(GeneralFunctions::isArray)
                        .doc("True when the value is an array.")
                        .build());
    }

    static Value ifThen(LazyArgs args, CallContext cx) {
        if (Values.truthy(args.get(0))) {
            return args.get(1);
        }
        return args.size() > 2 ? args.get(2) : Values.UNDEFINED;
    }

    static Value ifEmpty(LazyArgs args, CallContext cx) {
        Value v = args.get(0);
        if (Values.isMissing(v) || (v.kind() == Kind.TEXT && Values.text(v).isEmpty())) {
            return args.get(1);
        }
        return v;
    }

    static Value switchCase(LazyArgs args, CallContext cx) {
        String value = Values.text(args.get(0));
        int i = 1;
        for (; i + 1 < args.size(); i += 2) {
            if (Values.text(args.get(i)).equals(value)) {
                return args.get(i + 1);
            }
        }
        return i < args.size() ? args.get(i) : Values.UNDEFINED;
    }

    static Value get(Value[] args, CallContext cx) {
        Value target = args[0];
        Value path = args[1];
        if (path.kind() == Kind.NUMBER) {
            return step(target, ((NumberValue) path).value().toPlainString());
        }
        if (Values.isMissing(path)) {
            return Values.UNDEFINED;
        }
        return getPath(target, Values.text(path));
    }

    /**
     * Follows a dotted path such as {@code user.emails[2].address} or {@code 5.raw_name}; numeric
     * segments and {@code [n]} index arrays from 1, with negative indexes from the end.
     */
    public static Value getPath(Value target, String path) {
        Value v = target;
        for (String segment : path.split("\\.", -1)) {
            String key = segment;
            int bracket = key.indexOf('[');
            String rest = "";
            if (bracket > 0 && key.endsWith("]")) {
                rest = key.substring(bracket);
                key = key.substring(0, bracket);
            }
            v = step(v, key);
            while (!rest.isEmpty() && v.kind() != Kind.UNDEFINED) {
                int close = rest.indexOf(']');
                if (!rest.startsWith("[") || close < 0) {
                    return Values.UNDEFINED;
                }
                String index = rest.substring(1, close);
                v = index.isEmpty() ? step(v, "1") : step(v, index);
                rest = rest.substring(close + 1);
            }
            if (v.kind() == Kind.UNDEFINED) {
                return v;
            }
        }
        return v;
    }

    private static Value step(Value v, String key) {
        if (v.kind() == Kind.OBJECT) {
            Value r = ((ObjectValue) v).get(key);
            return r != null ? r : Values.UNDEFINED;
        }
        if (v.kind() == Kind.ARRAY) {
            ArrayValue a = (ArrayValue) v;
            int i;
            try {
                i = Integer.parseInt(key.trim());
            } catch (NumberFormatException e) {
                return Values.UNDEFINED;
            }
            int pos = i > 0 ? i - 1 : a.size() + i;
            return i != 0 && pos >= 0 && pos < a.size() ? a.get(pos) : Values.UNDEFINED;
        }
        return Values.UNDEFINED;
    }

    static Value pick(Value[] args, CallContext cx) {
        ObjectValue o = (ObjectValue) args[0];
        Set<String> keys = keys(args, cx);
        LinkedHashMap<String, Value> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : o.props().entrySet()) {
            if (keys.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return Values.objectOwning(out);
    }

    static Value omit(Value[] args, CallContext cx) {
        ObjectValue o = (ObjectValue) args[0];
        Set<String> keys = keys(args, cx);
        LinkedHashMap<String, Value> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : o.props().entrySet()) {
            if (!keys.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return Values.objectOwning(out);
    }

    private static Set<String> keys(Value[] args, CallContext cx) {
        Set<String> keys = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].kind() == Kind.ARRAY) {
                cx.step(((ArrayValue) args[i]).size());
                for (Value k : ((ArrayValue) args[i]).items()) {
                    keys.add(Values.text(k));
                }
            } else if (!Values.isMissing(args[i])) {
                keys.add(Values.text(args[i]));
            }
        }
        cx.step(((ObjectValue) args[0]).props().size());
        return keys;
    }

    static Value mergeCollections(Value[] args, CallContext cx) {
        LinkedHashMap<String, Value> out = new LinkedHashMap<>();
        for (Value v : args) {
            if (v.kind() == Kind.OBJECT) {
                cx.step(((ObjectValue) v).props().size());
                out.putAll(((ObjectValue) v).props());
            }
        }
        return Values.objectOwning(out);
    }

    static Value isArray(Value[] args, CallContext cx) {
        return Values.bool(args[0].kind() == Kind.ARRAY);
    }
}
