package io.hookstream.iml.eval;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalContext;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.Limits;
import io.hookstream.iml.ParseException;
import io.hookstream.iml.ast.Binary;
import io.hookstream.iml.ast.Call;
import io.hookstream.iml.ast.Expr;
import io.hookstream.iml.ast.Index;
import io.hookstream.iml.ast.Interpolation;
import io.hookstream.iml.ast.Literal;
import io.hookstream.iml.ast.Member;
import io.hookstream.iml.ast.Unary;
import io.hookstream.iml.ast.UnaryOperator;
import io.hookstream.iml.ast.Variable;
import io.hookstream.iml.func.FunctionRegistry;
import io.hookstream.iml.func.FunctionSpec;
import io.hookstream.iml.func.Param;
import io.hookstream.iml.value.Coercions;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compiles an AST into evaluator nodes: resolves and arity-checks functions, pre-splits dotted
 * paths and folds constant sub-expressions. Stateless apart from its inputs; one instance per IML
 * string.
 */
final class Compiler {

    private static final Set<String> BUILTINS =
            Set.of("now", "timestamp", "uuid", "pi", "random", "executionId");

    private final FunctionRegistry functions;
    private final Limits limits;
    private final String source;

    Compiler(FunctionRegistry functions, Limits limits, String source) {
        this.functions = functions;
        this.limits = limits;
        this.source = source;
    }

    Node compile(Expr e) {
        if (e instanceof Literal) {
            return new Nodes.Const(((Literal) e).value());
        }
        if (e instanceof Variable) {
            String name = ((Variable) e).name();
            return BUILTINS.contains(name) ? new Nodes.Builtin(name) : new Nodes.Variable(name);
        }
        if (e instanceof Member) {
            return compileMember((Member) e);
        }
        if (e instanceof Index) {
            Index i = (Index) e;
            Node target = compile(i.target());
            Expr indexExpr = i.index();
            if (indexExpr == null) {
                return fold(new Nodes.First(target), target);
            }
            // the index is a child too: a constant array read at a variable index is not constant
            Node index = compile(indexExpr);
            return fold(new Nodes.Index(target, index), target, index);
        }
        if (e instanceof Call) {
            return compileCall((Call) e);
        }
        if (e instanceof Unary) {
            Unary u = (Unary) e;
            Node operand = compile(u.operand());
            Node node =
                    u.operator() == UnaryOperator.NOT
                            ? new Nodes.Not(operand)
                            : new Nodes.Negate(operand, site(u));
            return fold(node, operand);
        }
        if (e instanceof Binary) {
            return compileBinary((Binary) e);
        }
        if (e instanceof Interpolation) {
            List<Expr> parts = ((Interpolation) e).parts();
            Node[] nodes = new Node[parts.size()];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = compile(parts.get(i));
            }
            return fold(new Nodes.Interpolation(nodes, site(e)), nodes);
        }
        throw new IllegalStateException("unknown node " + e);
    }

    private Node compileMember(Member m) {
        // collect a pure dotted chain from a root variable into one pre-split path
        List<String> keys = new ArrayList<>();
        Expr cursor = m;
        while (cursor instanceof Member) {
            keys.add(0, ((Member) cursor).name());
            cursor = ((Member) cursor).target();
        }
        if (cursor instanceof Variable && !BUILTINS.contains(((Variable) cursor).name())) {
            return new Nodes.Path(((Variable) cursor).name(), keys.toArray(new String[0]));
        }
        Node target = compile(m.target());
        return fold(new Nodes.Member(target, m.name()), target);
    }

    private Node compileBinary(Binary b) {
        Node left = compile(b.left());
        Node right = compile(b.right());
        Node node;
        switch (b.operator()) {
            case ADD:
                node = new Nodes.Add(left, right, site(b));
                break;
            case SUBTRACT:
            case MULTIPLY:
            case DIVIDE:
            case REMAINDER:
            case NUMERIC_ADD:
                node = new Nodes.Arithmetic(b.operator(), left, right, site(b));
                break;
            case LESS:
            case LESS_EQUAL:
            case GREATER:
            case GREATER_EQUAL:
                node = new Nodes.Compare(b.operator(), left, right);
                break;
            case EQUAL:
                node = new Nodes.Equal(left, right, false);
                break;
            case NOT_EQUAL:
                node = new Nodes.Equal(left, right, true);
                break;
            case AND:
                node = new Nodes.And(left, right);
                break;
            case OR:
                node = new Nodes.Or(left, right);
                break;
            default:
                throw new IllegalStateException(b.operator().name());
        }
        return fold(node, left, right);
    }

    private Node compileCall(Call c) {
        FunctionSpec spec = functions.lookup(c.name());
        if (spec == null) {
            throw new ParseException(ErrorCode.UNKNOWN_FUNCTION, c.span(), source, c.name());
        }
        int n = c.args().size();
        if (n < spec.minArity() || (spec.maxArity() >= 0 && n > spec.maxArity())) {
            String expected =
                    spec.maxArity() < 0
                            ? "at least " + spec.minArity()
                            : spec.minArity() == spec.maxArity()
                                    ? String.valueOf(spec.minArity())
                                    : spec.minArity() + " to " + spec.maxArity();
            throw new ParseException(
                    ErrorCode.WRONG_ARITY, c.span(), source, c.name(), expected, n);
        }
        Node[] args = new Node[n];
        for (int i = 0; i < n; i++) {
            args[i] = compile(c.args().get(i));
        }
        Site site = site(c);
        Node node =
                spec.implementation() instanceof FunctionSpec.Lazy
                        ? new Nodes.LazyCall(spec, args, site)
                        : new Nodes.Call(spec, args, site);
        return spec.pure() ? fold(node, args) : node;
    }

    private Site site(Expr e) {
        return new Site(e.span(), source);
    }

    /**
     * Replaces {@code node} by its value when all its children are constant. Folding happens in a
     * frame with no variables and a fixed clock, so only nodes that do not read variables reach it;
     * an error is not folded but left to happen at evaluation time, where it gets its template
     * path.
     */
    private Node fold(Node node, Node... children) {
        for (Node child : children) {
            if (!child.isConstant()) {
                return node;
            }
        }
        try {
            Value v =
                    node.eval(new Frame(EvalContext.builder().now(Instant.EPOCH).build(), limits));
            // a fresh emptyarray or object is immutable, so sharing the folded value is safe
            return new Nodes.Const(v);
        } catch (ImlException | StackOverflowError e) {
            return node;
        }
    }

    /**
     * Coerces argument {@code index} of a call to its declared type (§4); null and undefined pass
     * as they are.
     */
    static Value coerce(FunctionSpec spec, int index, Value v, Frame f) {
        Param p = spec.param(index);
        Kind k = v.kind();
        if (k == Kind.UNDEFINED || k == Kind.NULL) {
            return v;
        }
        switch (p.type()) {
            case ANY:
                return v;
            case TEXT:
                return k == Kind.TEXT ? v : Values.text(Values.text(v));
            case NUMBER:
                {
                    if (k == Kind.NUMBER) {
                        return v;
                    }
                    BigDecimal n = Coercions.toNumber(v);
                    if (n == null) {
                        throw typeError(spec, index, p, v);
                    }
                    return Values.number(n);
                }
            case BOOLEAN:
                return k == Kind.BOOLEAN ? v : Values.bool(Coercions.toBoolean(v));
            case DATE:
                {
                    if (k == Kind.DATE) {
                        return v;
                    }
                    Instant i = Coercions.toDate(v, f.timezone());
                    if (i == null) {
                        throw typeError(spec, index, p, v);
                    }
                    return Values.date(i);
                }
            case ARRAY:
                return Coercions.toArray(v);
            case OBJECT:
                if (k != Kind.OBJECT) {
                    throw typeError(spec, index, p, v);
                }
                return v;
            default:
                throw new IllegalStateException(p.type().name());
        }
    }

    private static EvalException typeError(FunctionSpec spec, int index, Param p, Value v) {
        return new EvalException(
                ErrorCode.ARGUMENT_TYPE,
                spec.name(),
                (index + 1) + " (" + p.name() + ")",
                p.type().description(),
                v.kind().description());
    }
}
