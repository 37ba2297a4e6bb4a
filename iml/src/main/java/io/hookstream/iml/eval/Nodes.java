package io.hookstream.iml.eval;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.ast.BinaryOperator;
import io.hookstream.iml.func.FunctionSpec;
import io.hookstream.iml.func.LazyArgs;
import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.Coercions;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.Numbers;
import io.hookstream.iml.value.ObjectValue;
import io.hookstream.iml.value.TextValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import java.util.Objects;

/** The evaluator node types. Each is final, immutable and has a single {@code eval}. */
final class Nodes {

    private Nodes() {}

    /** A folded constant. */
    static final class Const extends Node {
        final Value value;

        Const(Value value) {
            this.value = value;
        }

        @Override
        Value eval(Frame f) {
            return value;
        }

        @Override
        boolean isConstant() {
            return true;
        }
    }

    /** A bound root variable. */
    static final class Variable extends Node {
        private final String name;

        Variable(String name) {
            this.name = name;
        }

        @Override
        Value eval(Frame f) {
            return f.variable(name);
        }
    }

    /**
     * A built-in variable ({@code now}, {@code uuid}, …) unless the context binds the same name.
     */
    static final class Builtin extends Node {
        private final String name;

        Builtin(String name) {
            this.name = name;
        }

        @Override
        Value eval(Frame f) {
            return f.builtin(name);
        }
    }

    /**
     * A pre-split dotted path from a root variable ({@code body.user.id}). Under the {@code
     * headers} root the first key is looked up without regard to case (D13).
     */
    static final class Path extends Node {
        private final String root;
        private final String[] keys;
        private final boolean headers;

        Path(String root, String[] keys) {
            this.root = root;
            this.keys = keys;
            this.headers = root.equals("headers");
        }

        @Override
        Value eval(Frame f) {
            Value v = f.variable(root);
            for (int i = 0; i < keys.length; i++) {
                // the common case, an object property, without the generic dispatch of member()
                if (v instanceof ObjectValue && !(headers && i == 0)) {
                    Value next = ((ObjectValue) v).get(keys[i]);
                    if (next == null) {
                        return Values.UNDEFINED;
                    }
                    v = next;
                    continue;
                }
                v = member(v, keys[i], headers && i == 0);
                if (v instanceof io.hookstream.iml.value.UndefinedValue) {
                    return v;
                }
            }
            return v;
        }
    }

    /** {@code target.name} on any target. */
    static final class Member extends Node {
        private final Node target;
        private final String name;

        Member(Node target, String name) {
            this.target = target;
            this.name = name;
        }

        @Override
        Value eval(Frame f) {
            return member(target.eval(f), name, false);
        }
    }

    static Value member(Value v, String name, boolean ignoreCase) {
        if (v.kind() == Kind.OBJECT) {
            ObjectValue o = (ObjectValue) v;
            Value r = ignoreCase ? o.getIgnoreCase(name) : o.get(name);
            return r != null ? r : Values.UNDEFINED;
        }
        if (v.kind() == Kind.ARRAY && isDigits(name)) {
            return index((ArrayValue) v, new BigDecimal(name));
        }
        return Values.UNDEFINED;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * 1-based array index with -1 the last item; 0 and out-of-range indexes are undefined (D17).
     */
    static Value index(ArrayValue a, BigDecimal n) {
        if (n.signum() == 0
                || n.scale() > 0
                || n.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return Values.UNDEFINED;
        }
        int i = n.intValue();
        int pos = i > 0 ? i - 1 : a.size() + i;
        return pos >= 0 && pos < a.size() ? a.get(pos) : Values.UNDEFINED;
    }

    /** {@code target[index]}: numbers index arrays from 1, text keys read object properties. */
    static final class Index extends Node {
        private final Node target;
        private final Node index;

        Index(Node target, Node index) {
            this.target = target;
            this.index = index;
        }

        @Override
        Value eval(Frame f) {
            Value t = target.eval(f);
            Value i = index.eval(f);
            if (t.kind() == Kind.ARRAY) {
                BigDecimal n =
                        i.kind() == Kind.NUMBER || i.kind() == Kind.TEXT
                                ? Coercions.toNumber(i)
                                : null;
                return n == null ? Values.UNDEFINED : index((ArrayValue) t, n);
            }
            if (t.kind() == Kind.OBJECT && (i.kind() == Kind.TEXT || i.kind() == Kind.NUMBER)) {
                Value r = ((ObjectValue) t).get(Values.text(i));
                return r != null ? r : Values.UNDEFINED;
            }
            return Values.UNDEFINED;
        }
    }

    /** {@code target[]}: the first item. */
    static final class First extends Node {
        private final Node target;

        First(Node target) {
            this.target = target;
        }

        @Override
        Value eval(Frame f) {
            Value t = target.eval(f);
            if (t.kind() == Kind.ARRAY && ((ArrayValue) t).size() > 0) {
                return ((ArrayValue) t).get(0);
            }
            return Values.UNDEFINED;
        }
    }

    /**
     * A call of an eager function: arguments are evaluated and coerced to the declared types first.
     */
    static final class Call extends Node {
        private final FunctionSpec spec;
        private final FunctionSpec.Eager impl;
        private final Node[] args;
        private final Site site;

        Call(FunctionSpec spec, Node[] args, Site site) {
            this.spec = spec;
            this.impl = (FunctionSpec.Eager) spec.implementation();
            this.args = args;
            this.site = site;
        }

        @Override
        Value eval(Frame f) {
            Value[] values = new Value[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].eval(f);
            }
            try {
                f.step(1);
                if (!spec.passMissing() && values.length > 0 && Values.isMissing(values[0])) {
                    return values[0];
                }
                for (int i = 0; i < values.length; i++) {
                    values[i] = Compiler.coerce(spec, i, values[i], f);
                }
                return checked(impl.apply(values, f), f);
            } catch (ImlException e) {
                throw site.locate(e);
            } catch (RuntimeException e) {
                throw site.internal(spec.name(), e);
            }
        }
    }

    static Value checked(Value result, Frame f) {
        if (result.kind() == Kind.TEXT) {
            f.checkString(((TextValue) result).value().length());
        } else if (result.kind() == Kind.ARRAY) {
            f.checkArray(((ArrayValue) result).size());
        }
        return result;
    }

    /** A call of a lazy function ({@code if}, {@code ifempty}, {@code switch}). */
    static final class LazyCall extends Node {
        private final FunctionSpec spec;
        private final FunctionSpec.Lazy impl;
        private final Node[] args;
        private final Site site;

        LazyCall(FunctionSpec spec, Node[] args, Site site) {
            this.spec = spec;
            this.impl = (FunctionSpec.Lazy) spec.implementation();
            this.args = args;
            this.site = site;
        }

        @Override
        Value eval(Frame f) {
            f.step(1);
            LazyArgs lazy =
                    new LazyArgs() {
                        @Override
                        public int size() {
                            return args.length;
                        }

                        @Override
                        public Value get(int index) {
                            return args[index].eval(f);
                        }
                    };
            try {
                return checked(impl.apply(lazy, f), f);
            } catch (ImlException e) {
                throw site.locate(e);
            } catch (RuntimeException e) {
                throw site.internal(spec.name(), e);
            }
        }
    }

    /** The text forms of the parts, joined. */
    static final class Interpolation extends Node {
        private final Node[] parts;
        private final Site site;

        Interpolation(Node[] parts, Site site) {
            this.parts = parts;
            this.site = site;
        }

        @Override
        Value eval(Frame f) {
            StringBuilder sb = new StringBuilder(64);
            for (Node part : parts) {
                Value v = part.eval(f);
                try {
                    if (v.kind() == Kind.TEXT) {
                        sb.append(((TextValue) v).value());
                    } else {
                        Values.appendText(sb, v, 0);
                    }
                    f.checkString(sb.length());
                } catch (ImlException e) {
                    throw site.locate(e);
                }
            }
            return Values.text(sb.toString());
        }
    }

    /** {@code !x}: a boolean. */
    static final class Not extends Node {
        private final Node operand;

        Not(Node operand) {
            this.operand = operand;
        }

        @Override
        Value eval(Frame f) {
            return Values.bool(!Values.truthy(operand.eval(f)));
        }
    }

    /** {@code -x}. */
    static final class Negate extends Node {
        private final Node operand;
        private final Site site;

        Negate(Node operand, Site site) {
            this.operand = operand;
            this.site = site;
        }

        @Override
        Value eval(Frame f) {
            Value v = operand.eval(f);
            if (v.kind() == Kind.UNDEFINED) {
                return v;
            }
            BigDecimal n = Coercions.operandNumber(v);
            if (n == null) {
                throw site.error(ErrorCode.OPERAND_TYPE, "-", v.kind().description());
            }
            return Values.number(n.negate());
        }
    }

    /**
     * {@code +}: null or undefined on one side yields the other side; text, dates, arrays, objects
     * or buffers on either side concatenate text forms; numbers and booleans add in decimal (D15).
     */
    static final class Add extends Node {
        private final Node left;
        private final Node right;
        private final Site site;

        Add(Node left, Node right, Site site) {
            this.left = left;
            this.right = right;
            this.site = site;
        }

        @Override
        Value eval(Frame f) {
            Value a = left.eval(f);
            Value b = right.eval(f);
            try {
                if (Values.isMissing(a)) {
                    return Values.isMissing(b) && a.kind() == Kind.UNDEFINED
                            ? b
                            : (Values.isMissing(b) ? a : b);
                }
                if (Values.isMissing(b)) {
                    return a;
                }
                Kind ka = a.kind();
                Kind kb = b.kind();
                if ((ka == Kind.NUMBER || ka == Kind.BOOLEAN)
                        && (kb == Kind.NUMBER || kb == Kind.BOOLEAN)) {
                    // numbers and booleans always have a numeric value
                    return Values.number(
                            Numbers.add(
                                    Objects.requireNonNull(Coercions.toNumber(a)),
                                    Objects.requireNonNull(Coercions.toNumber(b))));
                }
                String sa = Values.text(a);
                String sb = Values.text(b);
                f.checkString((long) sa.length() + sb.length());
                return Values.text(sa.concat(sb));
            } catch (ImlException e) {
                throw site.locate(e);
            }
        }
    }

    /** {@code - * / % ++}: numeric; an undefined operand gives undefined, null counts as 0. */
    static final class Arithmetic extends Node {
        private final BinaryOperator operator;
        private final Node left;
        private final Node right;
        private final Site site;

        Arithmetic(BinaryOperator operator, Node left, Node right, Site site) {
            this.operator = operator;
            this.left = left;
            this.right = right;
            this.site = site;
        }

        @Override
        Value eval(Frame f) {
            Value a = left.eval(f);
            Value b = right.eval(f);
            if (a.kind() == Kind.UNDEFINED || b.kind() == Kind.UNDEFINED) {
                return Values.UNDEFINED;
            }
            BigDecimal x = Coercions.operandNumber(a);
            BigDecimal y = Coercions.operandNumber(b);
            if (x == null || y == null) {
                throw site.error(
                        ErrorCode.OPERAND_TYPE,
                        operator.symbol(),
                        (x == null ? a : b).kind().description());
            }
            try {
                switch (operator) {
                    case SUBTRACT:
                        return Values.number(Numbers.subtract(x, y));
                    case MULTIPLY:
                        return Values.number(Numbers.multiply(x, y));
                    case DIVIDE:
                        return Values.number(Numbers.divide(x, y));
                    case REMAINDER:
                        return Values.number(Numbers.remainder(x, y));
                    case NUMERIC_ADD:
                        return Values.number(Numbers.add(x, y));
                    default:
                        throw new IllegalStateException(operator.name());
                }
            } catch (ImlException e) {
                throw site.locate(e);
            }
        }
    }

    /** {@code < <= > >=}; incomparable values compare false. */
    static final class Compare extends Node {
        private final BinaryOperator operator;
        private final Node left;
        private final Node right;

        Compare(BinaryOperator operator, Node left, Node right) {
            this.operator = operator;
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Frame f) {
            Value a = left.eval(f);
            Value b = right.eval(f);
            if (a.kind() == Kind.UNDEFINED || b.kind() == Kind.UNDEFINED) {
                return Values.FALSE;
            }
            Integer c = Coercions.compare(a, b);
            if (c == null) {
                return Values.FALSE;
            }
            switch (operator) {
                case LESS:
                    return Values.bool(c < 0);
                case LESS_EQUAL:
                    return Values.bool(c <= 0);
                case GREATER:
                    return Values.bool(c > 0);
                case GREATER_EQUAL:
                    return Values.bool(c >= 0);
                default:
                    throw new IllegalStateException(operator.name());
            }
        }
    }

    /** The one equality (D1), optionally negated. */
    static final class Equal extends Node {
        private final Node left;
        private final Node right;
        private final boolean negate;

        Equal(Node left, Node right, boolean negate) {
            this.left = left;
            this.right = right;
            this.negate = negate;
        }

        @Override
        Value eval(Frame f) {
            return Values.bool(Coercions.equal(left.eval(f), right.eval(f)) != negate);
        }
    }

    /** {@code &&}: the left operand when it is falsy, else the right operand. */
    static final class And extends Node {
        private final Node left;
        private final Node right;

        And(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Frame f) {
            Value a = left.eval(f);
            return Values.truthy(a) ? right.eval(f) : a;
        }
    }

    /** {@code ||}: the left operand when it is truthy, else the right operand. */
    static final class Or extends Node {
        private final Node left;
        private final Node right;

        Or(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Frame f) {
            Value a = left.eval(f);
            return Values.truthy(a) ? a : right.eval(f);
        }
    }
}
