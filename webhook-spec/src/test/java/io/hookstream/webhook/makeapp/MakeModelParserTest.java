package io.hookstream.webhook.makeapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.SpecException;
import io.hookstream.webhook.spec.SpecProblem;
import org.junit.jupiter.api.Test;

/** The parts of the app model the Make format needs, as the parser checks them. */
class MakeModelParserTest {

    @Test
    void anAppWithoutTheNewPartsParsesAsBefore() {
        AppDefinition app =
                MakeAppFixtures.PARSER.parse(
                        "plain",
                        "{\"webhooks\": {\"w\": {\"spec\": {\"output\": \"{{body}}\"},"
                                + " \"attach\": {\"url\": \"https://x.example/h\"}}}}");

        assertThat(app.base().baseUrl()).isNull();
        assertThat(app.webhook("w").attach()).hasSize(1);
        assertThat(app.webhook("w").parameters().parameters()).isEmpty();
        assertThat(app.webhook("w").spec().trigger()).isNull();
    }

    @Test
    void everyBrokenPartIsAProblemAtItsPath() {
        String app =
                """
                {
                  "base": {"baseUrl": 42, "headers": "x", "response": {"error": {"message": "{{body."}, "valid": true}},
                  "webhooks": {"w": {
                    "spec": {"trigger": {"output": "{{payload}}", "url": "/x"}},
                    "parameters": {"name": "p"},
                    "attach": [],
                    "detach": [{"url": "/a"}, {"method": "DELETE"}]
                  }}
                }
                """;

        assertThatThrownBy(() -> MakeAppFixtures.PARSER.parse("broken", app))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(SpecProblem::path)
                                        .contains(
                                                "base.baseUrl",
                                                "base.headers",
                                                "base.response.valid",
                                                "base.response.error.message",
                                                "webhooks.w.spec.trigger.url",
                                                "webhooks.w.parameters",
                                                "webhooks.w.attach",
                                                "webhooks.w.detach[1].url"));
    }

    @Test
    void anErrorTypeOutsideMakesIsAWarning() {
        AppDefinition app =
                MakeAppFixtures.PARSER.parse(
                        "typo",
                        "{\"base\": {\"response\": {\"error\": {\"type\": \"DataError\","
                                + " \"404\": {\"type\": \"Ignored\"}}}}}");

        assertThat(app.warnings())
                .extracting(w -> w.path())
                .containsExactly("base.response.error.404.type");
    }

    @Test
    void parametersWithoutANameAreRefused() {
        assertThatThrownBy(
                        () ->
                                MakeAppFixtures.PARSER.parse(
                                        "p",
                                        "{\"webhooks\": {\"w\": {\"parameters\": [{\"type\": \"text\"}]}}}"))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(SpecProblem::path)
                                        .containsExactly("webhooks.w.parameters[0].name"));
    }
}
