package io.hookstream.iml;

/**
 * Resource caps that keep hostile templates and data bounded in time and memory. Each broken limit
 * has its own {@link ErrorCode}.
 *
 * @param maxExpressionLength characters in one IML string (default 100,000; {@link
 *     ErrorCode#EXPRESSION_TOO_LONG})
 * @param maxNestingDepth nesting of parentheses, calls, unary operators and operator chains inside
 *     one expression (default 256; {@link ErrorCode#NESTING_TOO_DEEP})
 * @param maxTemplateDepth nesting of the JSON template itself (default 128; {@link
 *     ErrorCode#TEMPLATE_TOO_DEEP})
 * @param maxValueDepth nesting of values read by {@code parseJSON} and {@link
 *     io.hookstream.iml.value.Values#fromJson} (default 256; {@link ErrorCode#VALUE_TOO_DEEP})
 * @param maxEvaluationSteps work units per evaluation: one per function call, operator and template
 *     node, plus one per element an array function touches (default 1,000,000; {@link
 *     ErrorCode#STEP_LIMIT})
 * @param maxStringLength characters of any text produced (default 10,000,000; {@link
 *     ErrorCode#STRING_TOO_LONG})
 * @param maxArraySize items of any array produced (default 100,000; {@link
 *     ErrorCode#ARRAY_TOO_LARGE})
 * @param maxOutputSize approximate JSON characters of one template result (default 20,000,000;
 *     {@link ErrorCode#OUTPUT_TOO_LARGE})
 */
public record Limits(
        int maxExpressionLength,
        int maxNestingDepth,
        int maxTemplateDepth,
        int maxValueDepth,
        long maxEvaluationSteps,
        int maxStringLength,
        int maxArraySize,
        long maxOutputSize) {

    private static final Limits DEFAULTS =
            new Limits(100_000, 256, 128, 256, 1_000_000L, 10_000_000, 100_000, 20_000_000L);

    public Limits {
        positive(maxExpressionLength, "maxExpressionLength");
        positive(maxNestingDepth, "maxNestingDepth");
        positive(maxTemplateDepth, "maxTemplateDepth");
        positive(maxValueDepth, "maxValueDepth");
        positive(maxEvaluationSteps, "maxEvaluationSteps");
        positive(maxStringLength, "maxStringLength");
        positive(maxArraySize, "maxArraySize");
        positive(maxOutputSize, "maxOutputSize");
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    public static Limits defaults() {
        return DEFAULTS;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Derives a variant of these limits. */
    public static final class Builder {
        private int maxExpressionLength;
        private int maxNestingDepth;
        private int maxTemplateDepth;
        private int maxValueDepth;
        private long maxEvaluationSteps;
        private int maxStringLength;
        private int maxArraySize;
        private long maxOutputSize;

        private Builder(Limits l) {
            maxExpressionLength = l.maxExpressionLength;
            maxNestingDepth = l.maxNestingDepth;
            maxTemplateDepth = l.maxTemplateDepth;
            maxValueDepth = l.maxValueDepth;
            maxEvaluationSteps = l.maxEvaluationSteps;
            maxStringLength = l.maxStringLength;
            maxArraySize = l.maxArraySize;
            maxOutputSize = l.maxOutputSize;
        }

        public Builder maxExpressionLength(int v) {
            maxExpressionLength = v;
            return this;
        }

        public Builder maxNestingDepth(int v) {
            maxNestingDepth = v;
            return this;
        }

        public Builder maxTemplateDepth(int v) {
            maxTemplateDepth = v;
            return this;
        }

        public Builder maxValueDepth(int v) {
            maxValueDepth = v;
            return this;
        }

        public Builder maxEvaluationSteps(long v) {
            maxEvaluationSteps = v;
            return this;
        }

        public Builder maxStringLength(int v) {
            maxStringLength = v;
            return this;
        }

        public Builder maxArraySize(int v) {
            maxArraySize = v;
            return this;
        }

        public Builder maxOutputSize(long v) {
            maxOutputSize = v;
            return this;
        }

        public Limits build() {
            return new Limits(
                    maxExpressionLength,
                    maxNestingDepth,
                    maxTemplateDepth,
                    maxValueDepth,
                    maxEvaluationSteps,
                    maxStringLength,
                    maxArraySize,
                    maxOutputSize);
        }
    }
}
