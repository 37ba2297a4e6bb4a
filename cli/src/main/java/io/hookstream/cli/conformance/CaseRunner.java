package io.hookstream.cli.conformance;

import tools.jackson.databind.JsonNode;

/**
 * Runs the cases of one {@code kind}. Cases without a {@code kind} are expression cases; adding
 * support for another kind (such as {@code webhook}) means adding a runner, not changing the {@link
 * ConformanceRunner}.
 */
public interface CaseRunner {

    /** The value of the case's {@code kind} this runner handles. */
    String kind();

    /** Runs one case; must not throw for a failing case, only report it. */
    CaseResult run(JsonNode testCase);
}
