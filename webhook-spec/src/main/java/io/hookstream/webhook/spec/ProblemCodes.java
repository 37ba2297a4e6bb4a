package io.hookstream.webhook.spec;

/**
 * The {@code SPEC-*} codes of {@link SpecProblem}; IML compile errors keep the engine's own codes.
 */
public final class ProblemCodes {

    /** The document is not valid JSON; line and column locate the offending token. */
    public static final String JSON_SYNTAX = "SPEC-JSON";

    /** A value has the wrong JSON type (e.g. a number where an object is required). */
    public static final String WRONG_TYPE = "SPEC-TYPE";

    /** A required field is missing. */
    public static final String MISSING = "SPEC-MISSING";

    /** A field that this version does not know; usually a typo. */
    public static final String UNKNOWN_FIELD = "SPEC-UNKNOWN";

    /** A value outside its allowed set or range (e.g. {@code respond.type: "xml"}, status 42). */
    public static final String INVALID_VALUE = "SPEC-VALUE";

    private ProblemCodes() {}
}
