package io.hookstream.cli.conformance;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs conformance case files: each case goes to the {@link CaseRunner} registered for its {@code
 * kind} (no kind means an expression case); kinds without a runner are reported as skipped, never
 * passed.
 */
public final class ConformanceRunner {

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final Map<String, CaseRunner> runners;

    public ConformanceRunner(List<CaseRunner> runners) {
        Map<String, CaseRunner> byKind = new LinkedHashMap<>();
        for (CaseRunner r : runners) {
            if (byKind.putIfAbsent(r.kind(), r) != null) {
                throw new IllegalArgumentException("two runners for kind '" + r.kind() + "'");
            }
        }
        this.runners = Map.copyOf(byKind);
    }

    /** Totals and the individual results. */
    public record Report(List<CaseResult> results) {
        public Report {
            results = List.copyOf(results);
        }

        public long count(CaseResult.Status status) {
            return results.stream().filter(r -> r.status() == status).count();
        }

        /** {@code N passed, M failed}, plus {@code , K skipped} when some were skipped. */
        public String summary() {
            long skipped = count(CaseResult.Status.SKIPPED);
            return count(CaseResult.Status.PASSED)
                    + " passed, "
                    + count(CaseResult.Status.FAILED)
                    + " failed"
                    + (skipped > 0 ? ", " + skipped + " skipped" : "");
        }

        public boolean successful() {
            return count(CaseResult.Status.FAILED) == 0;
        }
    }

    public Report run(List<Path> files) throws IOException {
        List<CaseResult> results = new ArrayList<>();
        for (Path file : files) {
            JsonNode root;
            try {
                root = MAPPER.readTree(Files.readString(file));
            } catch (JacksonException e) {
                results.add(
                        CaseResult.failed(
                                file.toString(),
                                "a JSON array of cases",
                                "invalid JSON",
                                e.getOriginalMessage()));
                continue;
            }
            if (!root.isArray()) {
                results.add(
                        CaseResult.failed(
                                file.toString(),
                                "a JSON array of cases",
                                root.getNodeType().name(),
                                ""));
                continue;
            }
            for (JsonNode testCase : root) {
                results.add(runCase(testCase));
            }
        }
        return new Report(results);
    }

    CaseResult runCase(JsonNode testCase) {
        String id = testCase.path("id").asString("?");
        String kind = testCase.path("kind").asString(ExpressionCaseRunner.KIND);
        CaseRunner runner = runners.get(kind);
        if (runner == null) {
            return CaseResult.skipped(id, "no runner for kind '" + kind + "'");
        }
        try {
            return runner.run(testCase);
        } catch (RuntimeException e) {
            return CaseResult.failed(id, "?", "error", e.toString());
        }
    }

    /** One line per failing case, then the summary line. */
    public static void print(Report report, PrintWriter out) {
        for (CaseResult r : report.results()) {
            if (r.status() == CaseResult.Status.FAILED) {
                out.println(
                        "FAIL "
                                + r.id()
                                + ": expected "
                                + r.expected()
                                + ", actual "
                                + r.actual()
                                + (r.detail().isEmpty()
                                        ? ""
                                        : " (" + r.detail().replace('\n', ' ') + ")"));
            }
        }
        out.println(report.summary());
        out.flush();
    }
}
