package io.hookstream.iml.func;

import io.hookstream.iml.Limits;
import java.time.Instant;
import java.time.ZoneId;
import java.util.random.RandomGenerator;

/**
 * What a function may know about the evaluation that calls it. One per evaluation; never shared.
 */
public interface CallContext {

    /** The evaluation's time zone (D16). */
    ZoneId timezone();

    /** The evaluation's current instant; the same for every call within one evaluation. */
    Instant now();

    Limits limits();

    RandomGenerator random();

    /**
     * Charges {@code units} of work against {@link Limits#maxEvaluationSteps()}; functions that
     * walk arrays charge one unit per element.
     */
    void step(long units);

    /** Fails with STRING_TOO_LONG when text of {@code length} characters would break the limit. */
    void checkString(long length);

    /** Fails with ARRAY_TOO_LARGE when an array of {@code size} items would break the limit. */
    void checkArray(long size);
}
