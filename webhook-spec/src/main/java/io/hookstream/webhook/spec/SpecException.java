package io.hookstream.webhook.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An app or webhook spec was refused; {@link #problems()} lists every reason found, in document
 * order.
 */
public class SpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<SpecProblem> problems;

    public SpecException(List<SpecProblem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a spec exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }

    private static String summary(List<SpecProblem> problems) {
        return problems.size()
                + " problem(s) in spec: "
                + problems.stream().map(SpecProblem::toString).collect(Collectors.joining("; "));
    }
}
