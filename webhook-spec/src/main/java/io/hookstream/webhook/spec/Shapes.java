package io.hookstream.webhook.spec;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Structural checks on the JSON of a spec, recording a problem instead of throwing. */
final class Shapes {

    private Shapes() {}

    /** Whether {@code node} is an object; records a problem at {@code path} if not. */
    static boolean object(JsonNode node, String path, Findings findings) {
        if (node.isObject()) {
            return true;
        }
        findings.problem(path, ProblemCodes.WRONG_TYPE, "must be an object, got " + describe(node));
        return false;
    }

    /** Records an unknown-field problem for every key not in {@code allowed}. */
    static void knownFields(JsonNode object, Set<String> allowed, String path, Findings findings) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!allowed.contains(field.getKey())) {
                findings.problem(
                        Findings.join(path, field.getKey()),
                        ProblemCodes.UNKNOWN_FIELD,
                        "unknown field; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    /** Whether {@code node} is a string; records a problem at {@code path} if not. */
    static boolean string(JsonNode node, String path, Findings findings) {
        if (node.isString()) {
            return true;
        }
        findings.problem(path, ProblemCodes.WRONG_TYPE, "must be a string, got " + describe(node));
        return false;
    }

    /** An IML string or a boolean, as conditions are. */
    static boolean stringOrBoolean(JsonNode node, String path, Findings findings) {
        if (node.isString() || node.isBoolean()) {
            return true;
        }
        findings.problem(
                path,
                ProblemCodes.WRONG_TYPE,
                "must be an IML string or a boolean, got " + describe(node));
        return false;
    }

    /** A string without {@code {{}, i.e. a literal rather than an expression. */
    static boolean literal(JsonNode node) {
        return node.isString() && !node.stringValue().contains(DirectiveCompiler.EXPRESSION_OPEN);
    }

    static String describe(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT:
                return "an object";
            case ARRAY:
                return "an array";
            case STRING:
                return "a string";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case NULL:
                return "null";
            default:
                return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
