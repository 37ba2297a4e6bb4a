package io.hookstream.webhook.makeapp;

import java.util.List;
import java.util.stream.Collectors;

/** A project cannot be imported; {@link #problems()} names each file and JSON pointer. */
public class MakeAppException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A project that cannot be read at all, e.g. without a manifest. */
    static final String UNREADABLE = "MAKE-UNREADABLE";

    /** A file is not JSON (with comments) or not of the shape its part needs. */
    static final String INVALID = "MAKE-INVALID";

    private final List<ImportProblem> problems;

    public MakeAppException(List<ImportProblem> problems) {
        super(problems.stream().map(ImportProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an import exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    static MakeAppException of(String file, String pointer, String code, String message) {
        return new MakeAppException(List.of(new ImportProblem(file, pointer, code, message)));
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
