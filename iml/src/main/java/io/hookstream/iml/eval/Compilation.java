package io.hookstream.iml.eval;

import io.hookstream.iml.CompiledExpression;
import io.hookstream.iml.CompiledTemplate;
import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalContext;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.Limits;
import io.hookstream.iml.ParseException;
import io.hookstream.iml.Span;
import io.hookstream.iml.ast.Expr;
import io.hookstream.iml.func.FunctionRegistry;
import io.hookstream.iml.parse.Parser;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** Compiles JSON templates, IML strings and bare expressions into shareable programs. */
public final class Compilation {

    /** The object key that merges an object's properties in place (§2.4, D9). */
    static final String SPREAD_KEY = "{{...}}";

    private Compilation() {}

    public static CompiledTemplate template(
            JsonNode template, String path, FunctionRegistry functions, Limits limits) {
        Objects.requireNonNull(template, "template");
        TemplateNode root = new TemplateCompiler(functions, limits).compile(template, path, 0);
        return new Program(root, path, limits);
    }

    public static CompiledTemplate string(
            String iml, String path, FunctionRegistry functions, Limits limits) {
        Objects.requireNonNull(iml, "iml");
        TemplateNode root = new TemplateCompiler(functions, limits).compileString(iml, path);
        return new Program(root, path, limits);
    }

    public static CompiledExpression expression(
            String expression, String path, FunctionRegistry functions, Limits limits) {
        Objects.requireNonNull(expression, "expression");
        Node node;
        try {
            Expr ast = Parser.parseExpression(expression, limits);
            node = new Compiler(functions, limits, expression).compile(ast);
        } catch (ImlException e) {
            throw e.inPath(path);
        }
        TemplateNode root = new TemplateNodes.Expression(node, path);
        Program program = new Program(root, path, limits);
        return program::evaluate;
    }

    /** A compiled template: immutable, evaluated in a fresh {@link Frame} each time. */
    static final class Program implements CompiledTemplate {
        private final TemplateNode root;
        private final String path;
        private final Limits limits;

        Program(TemplateNode root, String path, Limits limits) {
            this.root = root;
            this.path = path;
            this.limits = limits;
        }

        @Override
        public Value evaluate(EvalContext ctx) {
            Objects.requireNonNull(ctx, "ctx");
            try {
                Value result = root.eval(new Frame(ctx, limits));
                OutputSize.check(result, limits.maxOutputSize());
                return result;
            } catch (ImlException e) {
                throw e.inPath(path);
            } catch (StackOverflowError e) {
                throw new EvalException(ErrorCode.VALUE_TOO_DEEP, limits.maxValueDepth())
                        .inPath(path);
            } catch (RuntimeException e) {
                throw new EvalException(ErrorCode.INTERNAL_ERROR, e, "evaluation", e.toString())
                        .inPath(path);
            }
        }
    }

    /** Walks a JSON template once and builds its node tree. */
    private static final class TemplateCompiler {
        private final FunctionRegistry functions;
        private final Limits limits;

        TemplateCompiler(FunctionRegistry functions, Limits limits) {
            this.functions = functions;
            this.limits = limits;
        }

        TemplateNode compile(JsonNode json, String path, int depth) {
            if (depth > limits.maxTemplateDepth()) {
                throw new ParseException(
                                ErrorCode.TEMPLATE_TOO_DEEP,
                                Span.NONE,
                                null,
                                limits.maxTemplateDepth())
                        .inPath(path);
            }
            switch (json.getNodeType()) {
                case STRING:
                    return compileString(json.stringValue(), path);
                case ARRAY:
                    {
                        List<TemplateNode> items = new ArrayList<>(json.size());
                        int i = 0;
                        for (JsonNode item : json) {
                            items.add(compile(item, path + "[" + i + "]", depth + 1));
                            i++;
                        }
                        return TemplateNodes.array(items, path);
                    }
                case OBJECT:
                    {
                        List<TemplateNodes.Entry> entries = new ArrayList<>(json.size());
                        for (Map.Entry<String, JsonNode> e : json.properties()) {
                            String key = e.getKey();
                            String childPath = path.isEmpty() ? key : path + "." + key;
                            TemplateNode value = compile(e.getValue(), childPath, depth + 1);
                            if (key.equals(SPREAD_KEY)) {
                                entries.add(
                                        new TemplateNodes.Entry(
                                                null, null, value, true, childPath));
                            } else if (key.contains("{{")) {
                                entries.add(
                                        new TemplateNodes.Entry(
                                                null,
                                                compileString(key, childPath),
                                                value,
                                                false,
                                                childPath));
                            } else {
                                entries.add(
                                        new TemplateNodes.Entry(
                                                key, null, value, false, childPath));
                            }
                        }
                        return TemplateNodes.object(entries, path);
                    }
                case MISSING:
                    return new TemplateNodes.Constant(Values.UNDEFINED);
                default:
                    return new TemplateNodes.Constant(
                            Values.fromJson(json, limits.maxValueDepth()));
            }
        }

        TemplateNode compileString(String iml, String path) {
            if (!iml.contains("{{")) {
                return new TemplateNodes.Constant(Values.text(iml));
            }
            try {
                Expr ast = Parser.parseTemplate(iml, limits);
                Node node = new Compiler(functions, limits, iml).compile(ast);
                if (node.isConstant()) {
                    return new TemplateNodes.Constant(((Nodes.Const) node).value);
                }
                return new TemplateNodes.Expression(node, path);
            } catch (ImlException e) {
                throw e.inPath(path);
            }
        }
    }

    /** Approximate JSON size of a result, stopping as soon as the limit is passed. */
    static final class OutputSize {
        private OutputSize() {}

        static void check(Value v, long max) {
            long size = measure(v, max, 0);
            if (size > max) {
                throw new EvalException(ErrorCode.OUTPUT_TOO_LARGE, size, max);
            }
        }

        private static long measure(Value v, long max, long soFar) {
            switch (v.kind()) {
                case TEXT:
                    return soFar + ((io.hookstream.iml.value.TextValue) v).value().length() + 2;
                case BUFFER:
                    return soFar + ((io.hookstream.iml.value.BufferValue) v).length() * 4L / 3 + 2;
                case ARRAY:
                    {
                        long s = soFar + 2;
                        for (Value item : ((io.hookstream.iml.value.ArrayValue) v).items()) {
                            s = measure(item, max, s + 1);
                            if (s > max) {
                                return s;
                            }
                        }
                        return s;
                    }
                case OBJECT:
                    {
                        long s = soFar + 2;
                        for (Map.Entry<String, Value> e :
                                ((io.hookstream.iml.value.ObjectValue) v).props().entrySet()) {
                            if (e.getValue().kind() == Kind.UNDEFINED) {
                                continue;
                            }
                            s = measure(e.getValue(), max, s + e.getKey().length() + 4);
                            if (s > max) {
                                return s;
                            }
                        }
                        return s;
                    }
                default:
                    return soFar + 8;
            }
        }
    }
}
