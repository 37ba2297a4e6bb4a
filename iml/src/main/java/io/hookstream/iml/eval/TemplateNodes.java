package io.hookstream.iml.eval;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalContext;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The template node types: constants, IML strings, arrays and objects (§2, D9, D19). */
final class TemplateNodes {

    private TemplateNodes() {}

    static final class Constant implements TemplateNode {
        private final Value value;

        Constant(Value value) {
            this.value = value;
        }

        @Override
        public Value eval(Frame f) {
            return value;
        }

        @Override
        public boolean isConstant() {
            return true;
        }
    }

    /** An IML string or bare expression; errors get this position's template path. */
    static final class Expression implements TemplateNode {
        private final Node node;
        private final String path;

        Expression(Node node, String path) {
            this.node = node;
            this.path = path;
        }

        @Override
        public Value eval(Frame f) {
            try {
                return node.eval(f);
            } catch (ImlException e) {
                throw e.inPath(path);
            }
        }
    }

    static TemplateNode array(List<TemplateNode> items, String path) {
        TemplateNode node = new Array(items.toArray(new TemplateNode[0]), path);
        return allConstant(items) ? new Constant(node.eval(constantFrame())) : node;
    }

    /** Items in order; an undefined item becomes null (D19). */
    static final class Array implements TemplateNode {
        private final TemplateNode[] items;
        private final String path;

        Array(TemplateNode[] items, String path) {
            this.items = items;
            this.path = path;
        }

        @Override
        public Value eval(Frame f) {
            List<Value> out = new ArrayList<>(items.length);
            for (TemplateNode item : items) {
                Value v = item.eval(f);
                out.add(v.kind() == Kind.UNDEFINED ? Values.NULL : v);
            }
            try {
                f.checkArray(out.size());
            } catch (ImlException e) {
                throw e.inPath(path);
            }
            return Values.array(out);
        }
    }

    /** One property of an object template: a literal key, a templated key, or the spread key. */
    record Entry(
            @Nullable String key,
            @Nullable TemplateNode keyTemplate,
            TemplateNode value,
            boolean spread,
            String path) {}

    static TemplateNode object(List<Entry> entries, String path) {
        TemplateNode node = new ObjectTemplate(entries.toArray(new Entry[0]), path);
        for (Entry e : entries) {
            if (e.key() == null || !e.value().isConstant()) {
                return node;
            }
        }
        return new Constant(node.eval(constantFrame()));
    }

    /**
     * Properties in document order, later keys winning (D9): the spread key merges an object's
     * properties (null and undefined add nothing); a property whose value is undefined is left out,
     * and removes a property of the same name merged earlier (D19).
     */
    static final class ObjectTemplate implements TemplateNode {
        private final Entry[] entries;
        private final String path;

        ObjectTemplate(Entry[] entries, String path) {
            this.entries = entries;
            this.path = path;
        }

        @Override
        public Value eval(Frame f) {
            LinkedHashMap<String, Value> out = new LinkedHashMap<>(Math.max(4, entries.length * 2));
            for (Entry e : entries) {
                Value v = e.value().eval(f);
                if (e.spread()) {
                    if (v.kind() == Kind.OBJECT) {
                        out.putAll(((ObjectValue) v).props());
                    } else if (!Values.isMissing(v)) {
                        throw new EvalException(ErrorCode.SPREAD_NOT_OBJECT, v.kind().description())
                                .inPath(e.path());
                    }
                    continue;
                }
                String fixedKey = e.key();
                String key =
                        fixedKey != null
                                ? fixedKey
                                : Values.text(
                                        // the parser gives every entry that is not a spread a key
                                        // or a template
                                        Objects.requireNonNull(
                                                        e.keyTemplate(), "entry key template")
                                                .eval(f));
                if (v.kind() == Kind.UNDEFINED) {
                    out.remove(key);
                } else {
                    out.put(key, v);
                }
            }
            return Values.objectOwning(out);
        }
    }

    private static boolean allConstant(List<TemplateNode> nodes) {
        for (TemplateNode n : nodes) {
            if (!n.isConstant()) {
                return false;
            }
        }
        return true;
    }

    private static Frame constantFrame() {
        return new Frame(
                EvalContext.builder().now(Instant.EPOCH).build(),
                io.hookstream.iml.Limits.defaults());
    }
}
