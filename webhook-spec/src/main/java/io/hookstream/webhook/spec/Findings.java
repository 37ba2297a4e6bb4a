package io.hookstream.webhook.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Problems and warnings gathered while reading one document, so that a spec author sees every
 * problem at once instead of fixing them one registration at a time. Used by one parse call only.
 */
final class Findings {

    private final List<SpecProblem> problems = new ArrayList<>();
    private final List<SpecWarning> warnings = new ArrayList<>();

    void problem(String path, String code, String message) {
        problems.add(new SpecProblem(path, 0, 0, code, message));
    }

    void problem(SpecProblem problem) {
        problems.add(problem);
    }

    void warning(String path, String message) {
        warnings.add(new SpecWarning(path, message));
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    List<SpecWarning> warnings() {
        return List.copyOf(warnings);
    }

    /** Throws when anything was wrong; otherwise returns normally. */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
    }

    static String join(String prefix, String name) {
        if (prefix.isEmpty()) {
            return name;
        }
        return name.isEmpty() ? prefix : prefix + "." + name;
    }
}
