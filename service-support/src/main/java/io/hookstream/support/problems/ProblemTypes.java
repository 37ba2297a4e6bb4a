package io.hookstream.support.problems;

import java.net.URI;

/**
 * The {@code type} of every RFC 9457 problem Hookstream answers with. RFC 9457 allows a relative
 * URI, resolved against the request's own URI, so the types stay under the deployment's own origin
 * ({@code /problems/<name>}) instead of naming a domain the deployment does not control; the names
 * are listed in {@code docs/problems.md}.
 */
public final class ProblemTypes {

    /** The path every problem type lives under. */
    public static final String PREFIX = "/problems/";

    private ProblemTypes() {}

    /**
     * The type named {@code name}, e.g. {@code invalid-spec} or a status code such as {@code 404}.
     */
    public static URI named(String name) {
        return URI.create(PREFIX + name);
    }

    /** The generic type of a status without a more specific name: {@code /problems/<status>}. */
    public static URI forStatus(int status) {
        return named(Integer.toString(status));
    }
}
