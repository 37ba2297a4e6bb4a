package io.hookstream.connections.remote;

import io.hookstream.webhook.connection.LogSanitizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Masks known secret values wherever they occur in text bound for a log or an error answer.
 *
 * <p>{@link LogSanitizer} masks values at paths of a structured log, but secrets also travel as
 * text: a provider that answers {@code "invalid token tok_123"}, an app whose {@code error.message}
 * echoes a response field, or a URL with a key inlined. So every value that the sanitizer masked in
 * an exchange, and every string in the connection's data and the app's {@code common} (secrets by
 * Decision D21), is masked in free text too. Values shorter than {@value #MIN_LENGTH} characters
 * are left alone: masking them would garble messages and they protect nothing. Immutable.
 */
public final class Redactor {

    static final int MIN_LENGTH = 4;

    private static final Redactor NONE = new Redactor(List.of());

    /** Longest first, so that a secret containing another is masked whole. */
    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    public static Redactor none() {
        return NONE;
    }

    /** Masks every string leaf of the given documents. */
    public static Redactor ofLeaves(JsonNode... documents) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode document : documents) {
            collectLeaves(document, values);
        }
        return NONE.with(values);
    }

    /** This redactor plus the values {@code sanitized} masked in {@code original}. */
    Redactor withMasked(JsonNode original, JsonNode sanitized) {
        Set<String> values = new LinkedHashSet<>();
        collectMasked(original, sanitized, values);
        return with(values);
    }

    Redactor with(Collection<String> values) {
        Set<String> all = new LinkedHashSet<>(secrets);
        for (String value : values) {
            if (value.length() >= MIN_LENGTH) {
                all.add(value);
            }
        }
        if (all.size() == secrets.size()) {
            return this;
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(sorted));
    }

    public String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, LogSanitizer.MASK);
            }
        }
        return result;
    }

    private static void collectLeaves(JsonNode node, Set<String> out) {
        if (node.isString()) {
            out.add(node.stringValue());
        } else if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                collectLeaves(child, out);
            }
        }
    }

    /**
     * Walks both trees together; wherever the sanitized one holds the mask, the original's text is
     * a secret.
     */
    private static void collectMasked(JsonNode original, JsonNode sanitized, Set<String> out) {
        if (sanitized.isString()
                && LogSanitizer.MASK.equals(sanitized.stringValue())
                && !(original.isString() && LogSanitizer.MASK.equals(original.stringValue()))) {
            collectScalars(original, out);
            return;
        }
        if (original.isObject() && sanitized.isObject()) {
            for (Map.Entry<String, JsonNode> property : original.properties()) {
                JsonNode counterpart = sanitized.get(property.getKey());
                if (counterpart != null) {
                    collectMasked(property.getValue(), counterpart, out);
                }
            }
        } else if (original.isArray() && sanitized.isArray()) {
            for (int i = 0; i < Math.min(original.size(), sanitized.size()); i++) {
                collectMasked(original.get(i), sanitized.get(i), out);
            }
        }
    }

    private static void collectScalars(JsonNode node, Set<String> out) {
        if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                collectScalars(child, out);
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            out.add(node.isString() ? node.stringValue() : node.toString());
        }
    }
}
