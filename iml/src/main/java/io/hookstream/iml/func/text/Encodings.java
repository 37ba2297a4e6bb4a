package io.hookstream.iml.func.text;

import io.hookstream.iml.ErrorCode;
import io.hookstream.iml.EvalException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Byte encodings shared by the hashing and binary functions. */
final class Encodings {

    private Encodings() {}

    /**
     * Decodes {@code text} written in {@code encoding} (utf8, hex, base64, latin1/binary, ascii).
     */
    static byte[] decode(String text, String encoding) {
        switch (encoding.toLowerCase(Locale.ROOT)) {
            case "utf8":
            case "utf-8":
            case "text":
                return text.getBytes(StandardCharsets.UTF_8);
            case "hex":
                try {
                    return HexFormat.of().parseHex(text.strip());
                } catch (IllegalArgumentException e) {
                    throw new EvalException(ErrorCode.INVALID_ENCODED_DATA, "hex");
                }
            case "base64":
                try {
                    String s = text.strip();
                    return s.indexOf('-') >= 0 || s.indexOf('_') >= 0
                            ? Base64.getUrlDecoder().decode(s)
                            : Base64.getMimeDecoder().decode(s);
                } catch (IllegalArgumentException e) {
                    throw new EvalException(ErrorCode.INVALID_ENCODED_DATA, "base64");
                }
            case "latin1":
            case "binary":
                return text.getBytes(StandardCharsets.ISO_8859_1);
            case "ascii":
                return text.getBytes(StandardCharsets.US_ASCII);
            default:
                throw new EvalException(ErrorCode.INVALID_ENCODING, encoding);
        }
    }

    /** Encodes bytes as hex, base64 or latin1/binary text. */
    static String encode(byte[] bytes, String encoding) {
        switch (encoding.toLowerCase(Locale.ROOT)) {
            case "hex":
                return HexFormat.of().formatHex(bytes);
            case "base64":
                return Base64.getEncoder().encodeToString(bytes);
            case "latin1":
            case "binary":
                return new String(bytes, StandardCharsets.ISO_8859_1);
            case "utf8":
            case "utf-8":
                return new String(bytes, StandardCharsets.UTF_8);
            default:
                throw new EvalException(ErrorCode.INVALID_ENCODING, encoding);
        }
    }
}
