package io.hookstream.webhook.request;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} text (also used for query strings) the way
 * browsers and WHATWG URLSearchParams do: {@code +} is a space, malformed percent escapes stay as
 * written, a pair without {@code =} has an empty value.
 */
final class FormDecoder {

    private FormDecoder() {}

    static List<Map.Entry<String, String>> decode(String encoded, Charset charset) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (encoded.isEmpty()) {
            return pairs;
        }
        for (String piece : encoded.split("&")) {
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            String name = eq < 0 ? piece : piece.substring(0, eq);
            String value = eq < 0 ? "" : piece.substring(eq + 1);
            pairs.add(Map.entry(percentDecode(name, charset), percentDecode(value, charset)));
        }
        return pairs;
    }

    /**
     * Unlike {@link java.net.URLDecoder}, never throws on a stray {@code %}: input is untrusted.
     */
    static String percentDecode(String text, Charset charset) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%'
                    && i + 2 < text.length()
                    && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                pending.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 3;
                continue;
            }
            flush(pending, out, charset);
            out.append(c == '+' ? ' ' : c);
            i++;
        }
        flush(pending, out, charset);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream pending, StringBuilder out, Charset charset) {
        if (pending.size() > 0) {
            out.append(new String(pending.toByteArray(), charset));
            pending.reset();
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
