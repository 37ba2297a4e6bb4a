package io.hookstream.iml.func.text;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import io.hookstream.iml.func.Args;
import io.hookstream.iml.func.CallContext;
import io.hookstream.iml.func.FunctionLibrary;
import io.hookstream.iml.func.FunctionRegistration;
import io.hookstream.iml.func.FunctionSpec;
import io.hookstream.iml.func.ValueType;
import io.hookstream.iml.value.ArrayValue;
import io.hookstream.iml.value.BufferValue;
import io.hookstream.iml.value.Coercions;
import io.hookstream.iml.value.Kind;
import io.hookstream.iml.value.TextValue;
import io.hookstream.iml.value.Value;
import io.hookstream.iml.value.Values;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Text and binary functions of §5.2. */
public final class TextFunctions implements FunctionLibrary {

    @Override
    public void register(FunctionRegistration r) {
        r.add(
                text(
                                "ascii",
                                TextFunctions::ascii,
                                "Drops non-ASCII characters; with true, strips diacritics first.")
                        .optional("removeDiacritics", ValueType.BOOLEAN)
                        .build());
        r.add(
                FunctionSpec.builder("base64")
                        .param("value", ValueType.ANY)
                        .propagateMissing()
                        .returns(ValueType.TEXT)
                        .eager(TextFunctions::base64)
                        .doc("Base64 of the UTF-8 bytes of text, or of a buffer's bytes.")
                        .build());
        r.add(
                text("capitalize", TextFunctions::capitalize, "Uppercases the first character.")
                        .build());
        r.add(
                FunctionSpec.builder("contains")
                        .param("haystack", ValueType.ANY)
                        .param("needle", ValueType.ANY)
                        .optional("ignoreCase", ValueType.BOOLEAN)
                        .returns(ValueType.BOOLEAN)
                        .eager(TextFunctions::contains)
                        .doc(
                                "Substring test on text (case-insensitive with true), membership test (D1) on arrays.")
                        .build());
        r.add(
                text("decodeURL", TextFunctions::decodeUrl, "JavaScript decodeURIComponent.")
                        .build());
        r.add(
                text("encodeURL", TextFunctions::encodeUrl, "JavaScript encodeURIComponent.")
                        .build());
        r.add(text("escapeHTML", TextFunctions::escapeHtml, "Escapes &, < and >.").build());
        r.add(
                text(
                                "escapeMarkdown",
                                TextFunctions::escapeMarkdown,
                                "Backslash-escapes Markdown characters.")
                        .build());
        r.add(
                FunctionSpec.builder("indexOf")
                        .param("value", ValueType.ANY)
                        .param("search", ValueType.ANY)
                        .optional("start", ValueType.NUMBER)
                        .returns(ValueType.NUMBER)
                        .eager(TextFunctions::indexOf)
                        .doc(
                                "0-based position of the search in text (or of an equal item in an array), -1 when absent.")
                        .build());
        r.add(
                FunctionSpec.builder("length")
                        .param("value", ValueType.ANY)
                        .returns(ValueType.NUMBER)
                        .eager(TextFunctions::length)
                        .doc(
                                "Characters of text, bytes of a buffer, items of an array; 0 for null.")
                        .build());
        r.add(text("lower", TextFunctions::lower, "Lowercase.").build());
        r.add(text("upper", TextFunctions::upper, "Uppercase.").build());
        r.add(
                text(
                                "startcase",
                                TextFunctions::startcase,
                                "Uppercases the first letter of each word, lowercases the rest.")
                        .build());
        r.add(
                text("trim", TextFunctions::trim, "Removes leading and trailing whitespace.")
                        .build());
        r.add(
                text(
                                "substring",
                                TextFunctions::substring,
                                "JavaScript substring: 0-based, end exclusive.")
                        .param("start", ValueType.NUMBER)
                        .optional("end", ValueType.NUMBER)
                        .build());
        r.add(
                text(
                                "replace",
                                TextFunctions::replace,
                                "Replaces every occurrence of a plain search (D7), or matches of a /regex/flags search (RE2).")
                        .param("search", ValueType.TEXT)
                        .param("replacement", ValueType.TEXT)
                        .build());
        r.add(
                text(
                                "replaceEmojiCharacters",
                                TextFunctions::replaceEmoji,
                                "Replaces each emoji with the replacement.")
                        .optional("replacement", ValueType.TEXT)
                        .build());
        r.add(
                FunctionSpec.builder("split")
                        .param("text", ValueType.TEXT)
                        .param("separator", ValueType.TEXT)
                        .optional("keepEmpty", ValueType.BOOLEAN)
                        .returns(ValueType.ARRAY)
                        .eager(TextFunctions::split)
                        .doc(
                                "Splits text; parts are trimmed and empty parts dropped unless the third argument is true.")
                        .build());
        r.add(hash("md5", Hashing::md5));
        r.add(hash("sha1", Hashing::sha1));
        r.add(hash("sha256", Hashing::sha256));
        r.add(hash("sha512", Hashing::sha512));
        r.add(text("stripHTML", TextFunctions::stripHtml, "Removes HTML tags.").build());
        r.add(
                FunctionSpec.builder("toBinary")
                        .param("value", ValueType.ANY)
                        .optional("encoding", ValueType.TEXT)
                        .propagateMissing()
                        .eager(TextFunctions::toBinary)
                        .doc("A buffer from text in utf8 (default), hex or base64 encoding.")
                        .build());
        r.add(
                FunctionSpec.builder("toString")
                        .param("value", ValueType.ANY)
                        .returns(ValueType.TEXT)
                        .eager(TextFunctions::toText)
                        .doc("The text form; buffers are decoded as UTF-8.")
                        .build());
        r.add(
                text("mime", TextFunctions::mime, "The MIME type for a file name's extension.")
                        .build());
    }

    private static FunctionSpec.Builder text(String name, FunctionSpec.Eager impl, String doc) {
        return FunctionSpec.builder(name)
                .param("text", ValueType.TEXT)
                .returns(ValueType.TEXT)
                .eager(impl)
                .doc(doc);
    }

    private static FunctionSpec hash(String name, FunctionSpec.Eager impl) {
        return FunctionSpec.builder(name)
                .param("value", ValueType.ANY)
                .optional("encoding", ValueType.TEXT)
                .optional("key", ValueType.ANY)
                .optional("keyEncoding", ValueType.TEXT)
                .propagateMissing()
                .returns(ValueType.TEXT)
                .eager(impl)
                .doc(
                        "Digest in hex (default), base64 or latin1; with a key (text, hex, base64 or binary), an HMAC.")
                .build();
    }

    private static String str(Value v) {
        return ((TextValue) v).value();
    }

    static Value ascii(Value[] args, CallContext cx) {
        String s = str(args[0]);
        if (Args.bool(args, 1, false)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFD);
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                sb.append(c);
            }
        }
        return Values.text(sb.toString());
    }

    static Value base64(Value[] args, CallContext cx) {
        byte[] bytes = Coercions.toBytes(args[0]);
        cx.checkString(bytes.length * 4L / 3 + 4);
        return Values.text(Base64.getEncoder().encodeToString(bytes));
    }

    static Value capitalize(Value[] args, CallContext cx) {
        String s = str(args[0]);
        if (s.isEmpty()) {
            return args[0];
        }
        int first = s.codePointAt(0);
        return Values.text(
                new StringBuilder()
                        .appendCodePoint(Character.toUpperCase(first))
                        .append(s, Character.charCount(first), s.length())
                        .toString());
    }

    static Value contains(Value[] args, CallContext cx) {
        Value haystack = args[0];
        Value needle = args[1];
        if (haystack.kind() == Kind.ARRAY) {
            ArrayValue a = (ArrayValue) haystack;
            cx.step(a.size());
            for (Value item : a.items()) {
                if (Coercions.equal(item, needle)) {
                    return Values.TRUE;
                }
            }
            return Values.FALSE;
        }
        if (Values.isMissing(haystack)) {
            return Values.FALSE;
        }
        String h = Values.text(haystack);
        String n = Values.text(needle);
        if (Args.bool(args, 2, false)) {
            h = h.toLowerCase(Locale.ROOT);
            n = n.toLowerCase(Locale.ROOT);
        }
        return Values.bool(h.contains(n));
    }

    static Value decodeUrl(Value[] args, CallContext cx) {
        String s = str(args[0]);
        if (s.indexOf('%') < 0) {
            return args[0];
        }
        StringBuilder sb = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                sb.append(c);
                i++;
                continue;
            }
            bytes.reset();
            while (i < s.length() && s.charAt(i) == '%') {
                if (i + 3 > s.length()) {
                    throw new EvalException(ErrorCode.MALFORMED_URI, abbreviate(s));
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new EvalException(ErrorCode.MALFORMED_URI, abbreviate(s));
                }
                bytes.write(hi * 16 + lo);
                i += 3;
            }
            try {
                sb.append(
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)
                                .decode(ByteBuffer.wrap(bytes.toByteArray())));
            } catch (CharacterCodingException e) {
                throw new EvalException(ErrorCode.MALFORMED_URI, abbreviate(s));
            }
        }
        return Values.text(sb.toString());
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static final String URI_UNRESERVED = "-_.!~*'()";

    static Value encodeUrl(Value[] args, CallContext cx) {
        String s = str(args[0]);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp < 0x80 && (Character.isLetterOrDigit(cp) || URI_UNRESERVED.indexOf(cp) >= 0)) {
                sb.append((char) cp);
            } else {
                if (Character.isSurrogate(s.charAt(i)) && n == 1) {
                    throw new EvalException(ErrorCode.MALFORMED_URI, abbreviate(s));
                }
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%')
                            .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            }
            i += n;
        }
        cx.checkString(sb.length());
        return Values.text(sb.toString());
    }

    static Value escapeHtml(Value[] args, CallContext cx) {
        String s = str(args[0]);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                default:
                    sb.append(c);
            }
        }
        cx.checkString(sb.length());
        return Values.text(sb.toString());
    }

    private static final String MARKDOWN = "\\`*_{}[]()#+-.!|<>~";

    static Value escapeMarkdown(Value[] args, CallContext cx) {
        String s = str(args[0]);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (MARKDOWN.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        cx.checkString(sb.length());
        return Values.text(sb.toString());
    }

    static Value indexOf(Value[] args, CallContext cx) {
        Value v = args[0];
        int start = Math.max(0, Args.integer(args, 2, 0));
        if (v.kind() == Kind.ARRAY) {
            ArrayValue a = (ArrayValue) v;
            cx.step(a.size());
            for (int i = start; i < a.size(); i++) {
                if (Coercions.equal(a.get(i), args[1])) {
                    return Values.number(i);
                }
            }
            return Values.number(-1);
        }
        if (Values.isMissing(v)) {
            return Values.number(-1);
        }
        return Values.number(Values.text(v).indexOf(Values.text(args[1]), start));
    }

    static Value length(Value[] args, CallContext cx) {
        Value v = args[0];
        switch (v.kind()) {
            case UNDEFINED:
            case NULL:
                return Values.ZERO;
            case ARRAY:
                return Values.number(((ArrayValue) v).size());
            case BUFFER:
                return Values.number(((BufferValue) v).length());
            case OBJECT:
                return Values.UNDEFINED;
            default:
                return Values.number(Values.text(v).length());
        }
    }

    static Value lower(Value[] args, CallContext cx) {
        return Values.text(str(args[0]).toLowerCase(Locale.ROOT));
    }

    static Value upper(Value[] args, CallContext cx) {
        return Values.text(str(args[0]).toUpperCase(Locale.ROOT));
    }

    static Value startcase(Value[] args, CallContext cx) {
        String s = str(args[0]);
        StringBuilder sb = new StringBuilder(s.length());
        boolean wordStart = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isWhitespace(cp)) {
                wordStart = true;
                sb.appendCodePoint(cp);
            } else {
                sb.appendCodePoint(
                        wordStart ? Character.toUpperCase(cp) : Character.toLowerCase(cp));
                wordStart = false;
            }
            i += Character.charCount(cp);
        }
        return Values.text(sb.toString());
    }

    static Value trim(Value[] args, CallContext cx) {
        return Values.text(str(args[0]).strip());
    }

    /**
     * JavaScript substring: negative indexes become 0, both are clamped, and swapped when start >
     * end.
     */
    static Value substring(Value[] args, CallContext cx) {
        String s = str(args[0]);
        int start = clamp(Args.integer(args, 1, 0), s.length());
        int end =
                Args.has(args, 2)
                        ? clamp(Args.integer(args, 2, s.length()), s.length())
                        : s.length();
        return Values.text(s.substring(Math.min(start, end), Math.max(start, end)));
    }

    private static int clamp(int i, int length) {
        return Math.max(0, Math.min(i, length));
    }

    static Value replace(Value[] args, CallContext cx) {
        String text = str(args[0]);
        String search = Args.text(args, 1);
        String replacement = Args.text(args, 2);
        Regexes.Literal regex = Regexes.parse(search);
        return Values.text(
                regex != null
                        ? Regexes.replace(text, regex, replacement, cx)
                        : Regexes.replaceAll(text, search, replacement, cx));
    }

    static Value replaceEmoji(Value[] args, CallContext cx) {
        String s = str(args[0]);
        String replacement = Args.text(args, 1, "");
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!Emoji.isEmoji(cp)) {
                sb.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            i = Emoji.endOfSequence(s, i);
            sb.append(replacement);
            cx.checkString(sb.length());
        }
        return Values.text(sb.toString());
    }

    static Value split(Value[] args, CallContext cx) {
        String s = str(args[0]);
        String sep = Args.text(args, 1);
        boolean keepEmpty = Args.bool(args, 2, false);
        List<Value> parts = new ArrayList<>();
        if (sep.isEmpty()) {
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                add(parts, new String(Character.toChars(cp)), keepEmpty, cx);
                i += Character.charCount(cp);
            }
        } else {
            int last = 0;
            int at;
            while ((at = s.indexOf(sep, last)) >= 0) {
                add(parts, s.substring(last, at), keepEmpty, cx);
                last = at + sep.length();
            }
            add(parts, s.substring(last), keepEmpty, cx);
        }
        return Values.array(parts);
    }

    private static void add(List<Value> parts, String part, boolean keepEmpty, CallContext cx) {
        String trimmed = part.strip();
        if (!trimmed.isEmpty() || keepEmpty) {
            parts.add(Values.text(trimmed));
            cx.step(1);
            cx.checkArray(parts.size());
        }
    }

    static Value stripHtml(Value[] args, CallContext cx) {
        String s = str(args[0]);
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '<') {
                int close = s.indexOf('>', i + 1);
                if (close > 0) {
                    i = close + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return Values.text(sb.toString());
    }

    static Value toBinary(Value[] args, CallContext cx) {
        if (args[0].kind() == Kind.BUFFER) {
            return args[0];
        }
        return Values.buffer(Encodings.decode(Values.text(args[0]), Args.text(args, 1, "utf8")));
    }

    static Value toText(Value[] args, CallContext cx) {
        return args[0].kind() == Kind.TEXT ? args[0] : Values.text(Values.text(args[0]));
    }

    static Value mime(Value[] args, CallContext cx) {
        return Values.text(MimeTypes.forFileName(str(args[0])));
    }
}
