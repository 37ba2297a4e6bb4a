package io.hookstream.cli.conformance;

import java.util.Objects;

/** The outcome of one case. {@code expected} and {@code actual} are display texts for failures. */
public record CaseResult(String id, Status status, String expected, String actual, String detail) {

    /** How a case ended. */
    public enum Status {
        PASSED,
        FAILED,
        SKIPPED
    }

    public CaseResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    public static CaseResult passed(String id) {
        return new CaseResult(id, Status.PASSED, "", "", "");
    }

    public static CaseResult failed(String id, String expected, String actual, String detail) {
        return new CaseResult(id, Status.FAILED, expected, actual, detail);
    }

    public static CaseResult skipped(String id, String reason) {
        return new CaseResult(id, Status.SKIPPED, "", "", reason);
    }
}
