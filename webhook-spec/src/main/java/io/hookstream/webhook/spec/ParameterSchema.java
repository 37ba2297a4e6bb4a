package io.hookstream.webhook.spec;

import io.hookstream.iml.value.Values;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The parameters a hook or a connection declares ({@code parameters}: Make's parameter syntax),
 * checked when one is created: a required parameter must have a value, and a {@code select} with a
 * fixed list of options takes only those.
 */
public record ParameterSchema(List<ParameterSpec> parameters) {

    /** No parameters declared: any parameters are accepted. */
    public static final ParameterSchema NONE = new ParameterSchema(List.of());

    public ParameterSchema {
        parameters = List.copyOf(parameters);
    }

    /**
     * What is wrong with {@code values} (a JSON object, or {@code null} for none), each problem at
     * {@code parameters.<name>}; empty when they fit.
     */
    public List<SpecProblem> check(@Nullable JsonNode values) {
        List<SpecProblem> problems = new ArrayList<>();
        for (ParameterSpec parameter : parameters) {
            JsonNode value = values == null ? null : values.get(parameter.name());
            String path = Findings.join("parameters", parameter.name());
            if (value == null
                    || value.isNull()
                    || (value.isString() && value.stringValue().isEmpty())) {
                if (parameter.required()) {
                    problems.add(
                            new SpecProblem(
                                    path,
                                    0,
                                    0,
                                    ProblemCodes.MISSING,
                                    "parameter '" + parameter.name() + "' is required"));
                }
                continue;
            }
            List<String> options = parameter.options();
            if (options == null) {
                continue;
            }
            List<JsonNode> chosen = new ArrayList<>();
            if (parameter.multiple() && value.isArray()) {
                value.forEach(chosen::add);
            } else {
                chosen.add(value);
            }
            for (JsonNode one : chosen) {
                String text =
                        one.isValueNode() ? Values.text(Values.fromJson(one)) : one.toString();
                if (!options.contains(text)) {
                    problems.add(
                            new SpecProblem(
                                    path,
                                    0,
                                    0,
                                    ProblemCodes.INVALID_VALUE,
                                    "parameter '"
                                            + parameter.name()
                                            + "' must be one of "
                                            + options
                                            + ", got '"
                                            + text
                                            + "'"));
                }
            }
        }
        return problems;
    }

    /** Reads a {@code parameters} array, recording problems under {@code path}. */
    static ParameterSchema read(@Nullable JsonNode node, String path, Findings findings) {
        if (node == null || node.isNull()) {
            return NONE;
        }
        if (!node.isArray()) {
            findings.problem(path, ProblemCodes.WRONG_TYPE, "must be an array of parameters");
            return NONE;
        }
        List<ParameterSpec> parameters = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            String at = path + "[" + i + "]";
            if (!Shapes.object(entry, at, findings)) {
                continue;
            }
            JsonNode name = entry.get("name");
            if (name == null || !name.isString() || name.stringValue().isBlank()) {
                findings.problem(at + ".name", ProblemCodes.MISSING, "a parameter needs a name");
                continue;
            }
            String type = entry.path("type").isString() ? entry.get("type").stringValue() : "text";
            String label = entry.path("label").isString() ? entry.get("label").stringValue() : null;
            parameters.add(
                    new ParameterSpec(
                            name.stringValue(),
                            type,
                            label,
                            entry.path("required").asBoolean(false),
                            type.equals("select") ? options(entry.get("options")) : null,
                            entry.path("multiple").asBoolean(false)));
        }
        return new ParameterSchema(parameters);
    }

    /**
     * The option values of a fixed list: {@code [{label, value}]}, or {@code {store: [...]}};
     * {@code null} for options an RPC loads ({@code "rpc://…"}), which any value passes.
     */
    private static @Nullable List<String> options(@Nullable JsonNode node) {
        JsonNode list = node != null && node.isObject() ? node.get("store") : node;
        if (list == null || !list.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode option : list) {
            JsonNode value = option.isObject() ? option.get("value") : option;
            if (value != null && value.isValueNode() && !value.isNull()) {
                values.add(Values.text(Values.fromJson(value)));
            }
        }
        return values;
    }
}
