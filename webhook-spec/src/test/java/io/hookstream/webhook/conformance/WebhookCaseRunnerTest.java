package io.hookstream.webhook.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.Iml;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runner must be able to fail: each expectation is checked by changing it in a passing case.
 */
class WebhookCaseRunnerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WebhookCaseRunner runner = new WebhookCaseRunner(Iml.standard());

    private static final String PASSING =
            """
      {"id": "t", "kind": "webhook", "webhookType": "shared",
       "webhookSpec": {"iterate": "{{body.events}}", "uid": "{{item.uid}}", "output": "{{item.data}}",
                       "respond": {"type": "json", "headers": {"X-Seen": "yes"}, "body": {"n": "{{length(body.events)}}"}}},
       "request": {"method": "POST", "headers": {"Content-Type": "application/json"}, "query": {},
                   "body": {"events": [{"uid": 7, "data": {"at": "2021-05-04T10:00:00.000Z"}}]}},
       "expectedResponse": {"status": 200, "contentType": "application/json; charset=utf-8",
                            "headers": {"x-seen": "yes"}, "body": {"n": 1}},
       "expectedBundles": [{"at": {"$date": "2021-05-04T10:00:00Z"}}],
       "expectedUids": [7]}
      """;

    @Test
    void aCaseThatHoldsPasses() {
        CaseResult result = runner.run(json(PASSING));
        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.detail()).isEmpty();
    }

    @Test
    void eachWrongExpectationFails() {
        assertFails(
                PASSING.replace("\"status\": 200", "\"status\": 202"), "status 200 instead of 202");
        assertFails(
                PASSING.replace("application/json; charset=utf-8", "text/plain"), "content type");
        assertFails(PASSING.replace("\"x-seen\": \"yes\"", "\"x-seen\": \"no\""), "header x-seen");
        assertFails(
                PASSING.replace("\"body\": {\"n\": 1}", "\"body\": {\"n\": 2}"),
                "response body differs");
        assertFails(
                PASSING.replace("2021-05-04T10:00:00Z", "2021-05-04T10:00:01Z"), "bundles differ");
        assertFails(PASSING.replace("\"expectedUids\": [7]", "\"expectedUids\": [\"8\"]"), "uids");
        assertFails(
                PASSING.replace(
                        "\"expectedUids\": [7]}",
                        "\"expectedUids\": [7], \"expectedDeadLetter\": true}"),
                "processing should have failed");
    }

    @Test
    void dedupeExpectationsAreChecked() {
        String passing =
                PASSING.replace(
                                "\"uid\": \"{{item.uid}}\",",
                                "\"uid\": \"{{item.uid}}\", \"dedupe\": \"{{body.id}}\",")
                        .replace("\"body\": {\"events\"", "\"body\": {\"id\": \"d1\", \"events\"")
                        .replace(
                                "\"expectedUids\": [7]}",
                                "\"expectedUids\": [7], \"expectedDedupeKey\": \"d1\","
                                        + " \"expectedDedupeWindow\": 86400}");
        CaseResult result = runner.run(json(passing));
        assertThat(result.passed()).as(result.toString()).isTrue();

        assertFails(
                passing.replace("\"expectedDedupeKey\": \"d1\"", "\"expectedDedupeKey\": \"d2\""),
                "dedupe key d1 instead of d2");
        assertFails(
                passing.replace("\"expectedDedupeKey\": \"d1\"", "\"expectedDedupeKey\": null"),
                "dedupe key d1 instead of null");
        assertFails(passing.replace("86400", "3600"), "dedupe window 86400 instead of 3600");
        assertFails(
                passing.replace("{{body.id}}", "{{body.id / 0}}"),
                "processing failed unexpectedly");
    }

    @Test
    void aSpecThatDoesNotCompileFails() {
        CaseResult result = runner.run(json(PASSING.replace("{{item.uid}}", "{{item.uid +}}")));
        assertThat(result.passed()).isFalse();
        assertThat(result.actual()).isEqualTo("spec refused");
    }

    private void assertFails(String testCase, String detail) {
        CaseResult result = runner.run(json(testCase));
        assertThat(result.passed()).as(testCase).isFalse();
        assertThat(result.detail()).contains(detail);
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
