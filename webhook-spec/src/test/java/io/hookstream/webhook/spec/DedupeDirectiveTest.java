package io.hookstream.webhook.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookstream.iml.Iml;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class DedupeDirectiveTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AppDefinitionParser parser = new AppDefinitionParser(Iml.standard());

    @Test
    void isOptional() {
        assertThat(spec("{}").dedupe()).isNull();
    }

    @Test
    void aStringIsTheKeyWithTheDefaultWindow() {
        DedupeSpec dedupe = spec("{\"dedupe\": \"{{headers.`x-github-delivery`}}\"}").dedupe();

        assertThat(dedupe).isNotNull();
        assertThat(dedupe.key().path()).isEqualTo("dedupe");
        assertThat(dedupe.window())
                .isEqualTo(Duration.ofHours(24))
                .isEqualTo(DedupeSpec.DEFAULT_WINDOW);
    }

    @Test
    void anObjectNamesKeyAndWindowInSeconds() {
        DedupeSpec dedupe =
                spec("{\"dedupe\": {\"key\": \"{{body.id}}\", \"window\": 1800}}").dedupe();

        assertThat(dedupe).isNotNull();
        assertThat(dedupe.key().path()).isEqualTo("dedupe.key");
        assertThat(dedupe.window()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void anObjectWithoutWindowTakesTheDefault() {
        assertThat(spec("{\"dedupe\": {\"key\": \"{{body.id}}\"}}").dedupe().window())
                .isEqualTo(DedupeSpec.DEFAULT_WINDOW);
    }

    @Test
    void theWindowMayBeExactlyThirtyDaysOrOneSecond() {
        assertThat(
                        spec("{\"dedupe\": {\"key\": \"{{body.id}}\", \"window\": 2592000}}")
                                .dedupe()
                                .window())
                .isEqualTo(Duration.ofDays(30));
        assertThat(
                        spec("{\"dedupe\": {\"key\": \"{{body.id}}\", \"window\": 1}}")
                                .dedupe()
                                .window())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-60", "2592001", "1.5", "\"24h\"", "\"PT24H\"", "null", "true"})
    void aWindowOutsideOneSecondToThirtyDaysIsAProblemAtItsPath(String window) {
        SpecProblem problem =
                onlyProblem("{\"dedupe\": {\"key\": \"{{body.id}}\", \"window\": " + window + "}}");

        assertThat(problem.path()).isEqualTo("webhooks.a.spec.dedupe.window");
        assertThat(problem.code()).isEqualTo(ProblemCodes.INVALID_VALUE);
        assertThat(problem.message()).contains("2592000");
    }

    @Test
    void theObjectFormNeedsAKey() {
        SpecProblem problem = onlyProblem("{\"dedupe\": {\"window\": 60}}");

        assertThat(problem.path()).isEqualTo("webhooks.a.spec.dedupe.key");
        assertThat(problem.code()).isEqualTo(ProblemCodes.MISSING);
    }

    @Test
    void unknownFieldsAreProblems() {
        SpecProblem problem =
                onlyProblem("{\"dedupe\": {\"key\": \"{{body.id}}\", \"windw\": 60}}");

        assertThat(problem.path()).isEqualTo("webhooks.a.spec.dedupe.windw");
        assertThat(problem.code()).isEqualTo(ProblemCodes.UNKNOWN_FIELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "true", "[\"{{body.id}}\"]", "null"})
    void aDirectiveThatIsNeitherStringNorObjectIsAProblem(String dedupe) {
        SpecProblem problem = onlyProblem("{\"dedupe\": " + dedupe + "}");

        assertThat(problem.path()).isEqualTo("webhooks.a.spec.dedupe");
        assertThat(problem.code()).isEqualTo(ProblemCodes.WRONG_TYPE);
    }

    @Test
    void aKeyThatIsNotAStringIsAProblem() {
        SpecProblem problem = onlyProblem("{\"dedupe\": {\"key\": 5}}");

        assertThat(problem.path()).isEqualTo("webhooks.a.spec.dedupe.key");
        assertThat(problem.code()).isEqualTo(ProblemCodes.WRONG_TYPE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"dedupe\": \"body.id\"}",
                "{\"dedupe\": \"\"}",
                "{\"dedupe\": {\"key\": \"body.id\"}}"
            })
    void aConstantKeyIsAProblemBecauseEveryLaterEventWouldBeADuplicate(String directives) {
        SpecProblem problem = onlyProblem(directives);

        assertThat(problem.path()).startsWith("webhooks.a.spec.dedupe");
        assertThat(problem.code()).isEqualTo(ProblemCodes.INVALID_VALUE);
    }

    @Test
    void aKeyThatDoesNotCompileIsAnImlProblemAtItsPath() {
        SpecProblem problem = onlyProblem("{\"dedupe\": {\"key\": \"{{body.}}\"}}");

        assertThat(problem.path()).isEqualTo("webhooks.a.spec.dedupe.key");
        assertThat(problem.code()).startsWith("IML-P");
    }

    @Test
    void everyProblemOfTheDirectiveIsReportedAtOnce() {
        assertThatThrownBy(
                        () ->
                                parser.parseWebhookSpec(
                                        JSON.readTree("{\"dedupe\": {\"key\": 1, \"window\": 0}}"),
                                        "webhooks.a.spec"))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(SpecProblem::path)
                                        .containsExactlyInAnyOrder(
                                                "webhooks.a.spec.dedupe.key",
                                                "webhooks.a.spec.dedupe.window"));
    }

    @Test
    void aSharedWebhookMayDeduplicateToo() {
        AppDefinition app =
                parser.parse(
                        "acme",
                        """
          {"connection": {"info": {"url": "https://api.acme.test/me", "response": {"uid": "{{body.id}}"}}},
           "webhooks": {"events": {"type": "shared",
                                   "spec": {"uid": "{{body.team}}", "dedupe": "{{body.event_id}}"}}}}
          """);

        assertThat(app.webhook("events").spec().dedupe()).isNotNull();
    }

    private WebhookSpec spec(String directives) {
        return parser.parseWebhookSpec(JSON.readTree(directives), "webhooks.a.spec");
    }

    private SpecProblem onlyProblem(String directives) {
        try {
            spec(directives);
        } catch (SpecException e) {
            assertThat(e.problems()).as(e.getMessage()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("accepted " + directives);
    }
}
