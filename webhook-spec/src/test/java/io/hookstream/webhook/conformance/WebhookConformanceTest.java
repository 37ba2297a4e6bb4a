package io.hookstream.webhook.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.Iml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every {@code "kind": "webhook"} case of the shared corpus through {@link WebhookCaseRunner}.
 * The corpus lives at {@code ${hookstream.shared.dir}/conformance/iml-cases.json}; the parent POM
 * sets the property, and {@code ../shared} relative to the repository is the fallback.
 */
class WebhookConformanceTest {

    private static final WebhookCaseRunner RUNNER = new WebhookCaseRunner(Iml.standard());

    @TestFactory
    Stream<DynamicTest> everyWebhookCasePasses() throws IOException {
        return webhookCases().stream()
                .map(
                        testCase ->
                                DynamicTest.dynamicTest(
                                        testCase.path("id").asString(),
                                        () -> {
                                            CaseResult result = RUNNER.run(testCase);
                                            assertThat(result.passed())
                                                    .as(result.toString())
                                                    .isTrue();
                                        }));
    }

    /**
     * Further cases in the corpus format for inputs the shared sample does not use: {@code now},
     * {@code options.timezone}, {@code common}, form and binary bodies, timestamped signatures.
     */
    @TestFactory
    Stream<DynamicTest> extraCasesPass() throws IOException {
        JsonNode extra;
        try (var in =
                WebhookConformanceTest.class.getResourceAsStream(
                        "/conformance/extra-webhook-cases.json")) {
            extra = JsonMapper.builder().build().readTree(in);
        }
        List<JsonNode> cases = new ArrayList<>();
        extra.forEach(cases::add);
        return cases.stream()
                .map(
                        testCase ->
                                DynamicTest.dynamicTest(
                                        testCase.path("id").asString(),
                                        () -> {
                                            CaseResult result = RUNNER.run(testCase);
                                            assertThat(result.passed())
                                                    .as(result.toString())
                                                    .isTrue();
                                        }));
    }

    @Test
    void theCorpusHoldsWebhookCases() throws IOException {
        assertThat(webhookCases()).hasSizeGreaterThanOrEqualTo(30);
    }

    static List<JsonNode> webhookCases() throws IOException {
        JsonNode all = JsonMapper.builder().build().readTree(Files.readString(corpus()));
        List<JsonNode> cases = new ArrayList<>();
        all.forEach(
                testCase -> {
                    if (WebhookCaseRunner.isWebhookCase(testCase)) {
                        cases.add(testCase);
                    }
                });
        return cases;
    }

    static Path corpus() {
        String shared = System.getProperty("hookstream.shared.dir");
        List<Path> candidates = new ArrayList<>();
        if (shared != null && !shared.isBlank()) {
            candidates.add(Path.of(shared));
        }
        // run from the module directory (IDE) or the repository root
        candidates.add(Path.of("..", "..", "shared"));
        candidates.add(Path.of("..", "shared"));
        for (Path candidate : candidates) {
            Path file = candidate.resolve("conformance").resolve("iml-cases.json");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException("conformance corpus not found; tried " + candidates);
    }
}
