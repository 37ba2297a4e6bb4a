package io.hookstream.webhook.conformance;

import java.util.Objects;

/**
 * The verdict on one conformance case.
 *
 * @param id the case id
 * @param passed whether every expectation held
 * @param expected the expectations, as text
 * @param actual what the pipeline produced, as text, in the same shape as {@code expected}
 * @param detail which expectation failed first; empty when the case passed
 */
public record CaseResult(String id, boolean passed, String expected, String actual, String detail) {

    public CaseResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return passed
                ? id + ": pass"
                : id
                        + ": FAIL ("
                        + detail
                        + ")\n  expected: "
                        + expected
                        + "\n  actual:   "
                        + actual;
    }
}
