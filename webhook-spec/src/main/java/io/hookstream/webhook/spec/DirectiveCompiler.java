package io.hookstream.webhook.spec;

import io.hookstream.iml.Iml;
import io.hookstream.iml.ImlException;
import io.hookstream.iml.Span;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Compiles directive values with the IML engine. Directives are compiled under their path relative
 * to the spec ({@code output}), so runtime errors name that path; compile errors are reported under
 * the document path ({@code webhooks.orders.spec.output.id}) with the line and column in the IML
 * string.
 */
final class DirectiveCompiler {

    /** Marks an IML string that holds an expression; a string without it is plain text. */
    static final String EXPRESSION_OPEN = "{{";

    private final Iml iml;
    private final Findings findings;
    private final String documentPrefix;

    DirectiveCompiler(Iml iml, Findings findings, String documentPrefix) {
        this.iml = iml;
        this.findings = findings;
        this.documentPrefix = documentPrefix;
    }

    /** A compiler for a nested part of the document whose directives are relative to it. */
    DirectiveCompiler nested(String documentPrefix) {
        return new DirectiveCompiler(iml, findings, documentPrefix);
    }

    Findings findings() {
        return findings;
    }

    /** The document path of a directive path. */
    String documentPath(String relativePath) {
        return Findings.join(documentPrefix, relativePath);
    }

    /**
     * Compiles any JSON template; {@code null} (with a problem recorded) when it does not compile.
     */
    @Nullable Directive template(JsonNode node, String relativePath) {
        try {
            return Directive.template(relativePath, iml.compile(node, relativePath));
        } catch (ImlException e) {
            report(e, relativePath);
            return null;
        }
    }

    /**
     * Compiles a string that may be a bare expression: with no {@code {{} it is one expression
     * (Decision D4), otherwise a template.
     */
    @Nullable Directive bareOrTemplate(JsonNode node, String relativePath) {
        if (node.isString() && !node.stringValue().contains(EXPRESSION_OPEN)) {
            try {
                return Directive.expression(
                        relativePath, iml.compileExpression(node.stringValue(), relativePath));
            } catch (ImlException e) {
                report(e, relativePath);
                return null;
            }
        }
        return template(node, relativePath);
    }

    private void report(ImlException e, String relativePath) {
        String where = e.path().isEmpty() ? relativePath : e.path();
        Span span = e.span();
        findings.problem(
                new SpecProblem(
                        documentPath(where),
                        span.isNone() ? 0 : span.line(),
                        span.isNone() ? 0 : span.column(),
                        e.code().id(),
                        e.originalMessage()));
    }
}
