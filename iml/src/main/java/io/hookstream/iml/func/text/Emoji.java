package io.hookstream.iml.func.text;

/**
 * Emoji detection by code point ranges (the Extended_Pictographic blocks, regional indicators and
 * keycap bases). A sequence joined by ZWJ, with variation selectors, skin tones, tags or keycap
 * marks counts as one emoji.
 */
final class Emoji {

    private Emoji() {}

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF)
                || (cp >= 0x2600 && cp <= 0x27BF)
                || (cp >= 0x2300 && cp <= 0x23FF)
                || (cp >= 0x2B00 && cp <= 0x2BFF)
                || (cp >= 0x2190 && cp <= 0x21FF && cp != 0x21B5)
                || cp == 0x203C
                || cp == 0x2049
                || cp == 0x2122
                || cp == 0x2139
                || cp == 0x3030
                || cp == 0x303D
                || cp == 0x3297
                || cp == 0x3299
                || cp == 0x00A9
                || cp == 0x00AE;
    }

    private static boolean isModifier(int cp) {
        return cp == 0xFE0F
                || cp == 0xFE0E
                || cp == 0x20E3
                || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                || (cp >= 0xE0020 && cp <= 0xE007F);
    }

    /** The index just after the emoji sequence that starts at {@code i}. */
    static int endOfSequence(String s, int i) {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        boolean regional = cp >= 0x1F1E6 && cp <= 0x1F1FF;
        if (regional && i < s.length()) {
            int next = s.codePointAt(i);
            if (next >= 0x1F1E6 && next <= 0x1F1FF) {
                i += Character.charCount(next);
            }
        }
        while (i < s.length()) {
            int next = s.codePointAt(i);
            if (isModifier(next)) {
                i += Character.charCount(next);
            } else if (next == 0x200D && i + 1 < s.length() && isEmoji(s.codePointAt(i + 1))) {
                i += 1;
                i += Character.charCount(s.codePointAt(i));
            } else {
                break;
            }
        }
        return i;
    }
}
