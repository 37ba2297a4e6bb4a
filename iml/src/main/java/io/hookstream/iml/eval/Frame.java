package io.hookstream.iml.eval;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalContext;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.Limits;
import io.hookstream.iml.func.CallContext;
import io.hookstream.iml.value.Numbers;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The mutable state of one evaluation: the context, the step counter and the clock reading. Created
 * per {@code evaluate} call and confined to its thread, which is what keeps compiled programs
 * shareable.
 */
public final class Frame implements CallContext {

    private static final Value PI = Values.number(new BigDecimal(Math.PI).round(Numbers.CONTEXT));

    private final EvalContext ctx;
    private final Limits limits;
    private long steps;
    private @Nullable Instant now;
    private @Nullable String executionId;

    public Frame(EvalContext ctx, Limits limits) {
        this.ctx = ctx;
        this.limits = limits;
        this.now = ctx.now();
    }

    /**
     * A root variable: bound variables first, then the built-ins; undefined when neither exists.
     */
    Value variable(String name) {
        Value v = ctx.variable(name);
        return v != null ? v : Values.UNDEFINED;
    }

    /** A built-in variable unless the context binds the name. */
    Value builtin(String name) {
        Value v = ctx.variable(name);
        if (v != null) {
            return v;
        }
        switch (name) {
            case "now":
                return Values.date(now());
            case "timestamp":
                return Values.number(now().getEpochSecond());
            case "uuid":
                return Values.text(UUID.randomUUID().toString());
            case "pi":
                return PI;
            case "random":
                return Values.number(BigDecimal.valueOf(random().nextDouble()));
            case "executionId":
                return Values.text(executionId());
            default:
                return Values.UNDEFINED;
        }
    }

    /**
     * Make's id of the running scenario execution (§3.2). A host that has such an id (an event id)
     * binds it as the variable {@code executionId}, which wins above; otherwise one evaluation is
     * one execution, so the id is made once per evaluation, as 32 lowercase hex digits like Make's.
     */
    private String executionId() {
        String id = executionId;
        if (id == null) {
            id = UUID.randomUUID().toString().replace("-", "");
            executionId = id;
        }
        return id;
    }

    @Override
    public ZoneId timezone() {
        return ctx.timezone();
    }

    @Override
    public Instant now() {
        Instant n = now;
        if (n == null) {
            n = Instant.now();
            now = n;
        }
        return n;
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public RandomGenerator random() {
        return ThreadLocalRandom.current();
    }

    @Override
    public void step(long units) {
        steps += units;
        if (steps > limits.maxEvaluationSteps()) {
            throw new EvalException(ErrorCode.STEP_LIMIT, limits.maxEvaluationSteps());
        }
    }

    @Override
    public void checkString(long length) {
        if (length > limits.maxStringLength()) {
            throw new EvalException(ErrorCode.STRING_TOO_LONG, length, limits.maxStringLength());
        }
    }

    @Override
    public void checkArray(long size) {
        if (size > limits.maxArraySize()) {
            throw new EvalException(ErrorCode.ARRAY_TOO_LARGE, size, limits.maxArraySize());
        }
    }
}
