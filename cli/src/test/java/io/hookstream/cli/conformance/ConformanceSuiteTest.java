package io.hookstream.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs the shared conformance corpus: every case, expression and whole-webhook, must pass. */
class ConformanceSuiteTest {

    static Path sharedCases() {
        String dir = System.getProperty("hookstream.shared.dir");
        Path shared = dir != null ? Path.of(dir) : Path.of("..", "..", "shared");
        Path cases = shared.resolve("conformance").resolve("iml-cases.json");
        if (!Files.exists(cases)) {
            // run from the repository root rather than the module directory
            cases = Path.of("..", "shared", "conformance", "iml-cases.json");
        }
        return cases;
    }

    @Test
    void everyCaseOfTheSharedCorpusPasses() throws Exception {
        Path cases = sharedCases();
        assertThat(cases).exists();

        ConformanceRunner.Report report =
                new ConformanceRunner(ConformanceCommand.runners()).run(List.of(cases));

        String failures =
                report.results().stream()
                        .filter(r -> r.status() != CaseResult.Status.PASSED)
                        .map(
                                r ->
                                        r.id()
                                                + " "
                                                + r.status()
                                                + ": expected "
                                                + r.expected()
                                                + ", actual "
                                                + r.actual()
                                                + " "
                                                + r.detail())
                        .collect(Collectors.joining("\n"));
        assertThat(failures).isEmpty();
        // 158 expression and 30 webhook cases at the time of writing; none may be skipped
        assertThat(report.results()).hasSizeGreaterThanOrEqualTo(188);
        assertThat(report.count(CaseResult.Status.PASSED)).isEqualTo(report.results().size());
    }
}
