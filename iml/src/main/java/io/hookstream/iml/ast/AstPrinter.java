package io.hookstream.iml.ast;

import io.hookstream.iml.value.JsonText;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.Value;

/**
 * Prints an AST as an S-expression, e.g. {@code (+ 1 (* 2 3))}; used by parser tests and
 * diagnostics.
 */
public final class AstPrinter {

    private AstPrinter() {}

    public static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        print(sb, e);
        return sb.toString();
    }

    private static void print(StringBuilder sb, Expr e) {
        if (e instanceof Literal) {
            Value v = ((Literal) e).value();
            if (v.kind() == Kind.TEXT) {
                JsonText.quote(sb, v.toString());
            } else {
                sb.append(v.kind() == Kind.UNDEFINED ? "undefined" : JsonText.write(v));
            }
        } else if (e instanceof Variable) {
            sb.append(((Variable) e).name());
        } else if (e instanceof Member) {
            Member m = (Member) e;
            sb.append("(. ");
            print(sb, m.target());
            sb.append(' ').append(m.name()).append(')');
        } else if (e instanceof Index) {
            Index i = (Index) e;
            sb.append("([] ");
            print(sb, i.target());
            if (i.index() != null) {
                sb.append(' ');
                print(sb, i.index());
            }
            sb.append(')');
        } else if (e instanceof Call) {
            Call c = (Call) e;
            sb.append('(').append(c.name());
            for (Expr a : c.args()) {
                sb.append(' ');
                print(sb, a);
            }
            sb.append(')');
        } else if (e instanceof Unary) {
            Unary u = (Unary) e;
            sb.append('(').append(u.operator().symbol()).append(' ');
            print(sb, u.operand());
            sb.append(')');
        } else if (e instanceof Binary) {
            Binary b = (Binary) e;
            sb.append('(').append(b.operator().symbol()).append(' ');
            print(sb, b.left());
            sb.append(' ');
            print(sb, b.right());
            sb.append(')');
        } else if (e instanceof Interpolation) {
            sb.append("(str");
            for (Expr p : ((Interpolation) e).parts()) {
                sb.append(' ');
                print(sb, p);
            }
            sb.append(')');
        }
    }
}
