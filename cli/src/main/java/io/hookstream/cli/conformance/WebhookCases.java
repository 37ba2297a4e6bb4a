package io.hookstream.cli.conformance;

import io.hookstream.iml.Iml;
import io.hookstream.webhook.conformance.WebhookCaseRunner;
import tools.jackson.databind.JsonNode;

/**
 * Whole-webhook cases ({@code "kind": "webhook"}), run by the webhook-spec library's own case
 * runner.
 */
final class WebhookCases implements CaseRunner {

    static final String KIND = "webhook";

    private final WebhookCaseRunner runner;

    WebhookCases(Iml iml) {
        this.runner = new WebhookCaseRunner(iml);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public CaseResult run(JsonNode testCase) {
        var result = runner.run(testCase);
        return result.passed()
                ? CaseResult.passed(result.id())
                : CaseResult.failed(
                        result.id(), result.expected(), result.actual(), result.detail());
    }
}
