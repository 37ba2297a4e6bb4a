package io.hookstream.iml.func.json;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.func.CallContext;
import io.hookstream.iml.func.FunctionLibrary;
import io.hookstream.iml.func.FunctionRegistration;
import io.hookstream.iml.func.FunctionSpec;
import io.hookstream.iml.func.ValueType;
import io.hookstream.iml.value.JsonText;
import io.hookstream.iml.value.TextValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code parseJSON} and {@code createJSON} (§5.6). */
public final class JsonFunctions implements FunctionLibrary {

    /**
     * Jackson builds trees without recursion, so its own depth cap can be generous; the
     * evaluation's value-depth limit is applied while converting the tree to values.
     */
    private static final JsonMapper MAPPER =
            JsonMapper.builder(
                            JsonFactory.builder()
                                    .streamReadConstraints(
                                            StreamReadConstraints.builder()
                                                    .maxNestingDepth(100_000)
                                                    .build())
                                    .build())
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .build();

    @Override
    public void register(FunctionRegistration r) {
        r.add(
                FunctionSpec.builder("parseJSON")
                        .param("text", ValueType.TEXT)
                        .returns(ValueType.ANY)
                        .eager(JsonFunctions::parseJson)
                        .doc(
                                "Parses JSON text into a value; nesting is capped by the value-depth limit.")
                        .build());
        r.add(
                FunctionSpec.builder("createJSON")
                        .param("value", ValueType.ANY)
                        .returns(ValueType.TEXT)
                        .eager(JsonFunctions::createJson)
                        .doc(
                                "Compact JSON text; undefined properties are left out, dates are ISO text.")
                        .build());
    }

    static Value parseJson(Value[] args, CallContext cx) {
        String text = ((TextValue) args[0]).value();
        int maxDepth = cx.limits().maxValueDepth();
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new EvalException(ErrorCode.INVALID_JSON, e, e.getOriginalMessage());
        }
        cx.step(1 + text.length() / 64);
        return Values.fromJson(node, maxDepth);
    }

    static Value createJson(Value[] args, CallContext cx) {
        if (Values.isUndefined(args[0])) {
            return args[0];
        }
        String json = JsonText.write(args[0]);
        cx.checkString(json.length());
        return Values.text(json);
    }
}
