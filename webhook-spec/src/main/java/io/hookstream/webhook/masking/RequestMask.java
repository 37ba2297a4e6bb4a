package io.hookstream.webhook.masking;

import io.hookstream.webhook.connection.LogSanitizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks a received request for display. A header is secret when it carries credentials by its
 * nature (Authorization, cookies), when its name says it holds a signature, token, secret or key
 * (every provider's signature header does: {@code X-Hub-Signature-256}, {@code Stripe-Signature},
 * {@code X-Shopify-Hmac-Sha256}, {@code webhook-signature}), or when the app's {@code log.sanitize}
 * names it ({@code request.headers.<name>}). A JSON body has its {@code request.body.*} paths
 * masked before it is cut to the preview's size; other bodies are only cut. Immutable and
 * thread-safe.
 */
public final class RequestMask {

    /** What replaces a secret value, the same text as in connection logs. */
    public static final String MASK = LogSanitizer.MASK;

    private static final Set<String> CREDENTIAL_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

    // parts of a header name that mark it as secret, matched in the lower-cased name
    private static final List<String> SECRET_NAME_PARTS =
            List.of(
                    "signature",
                    "token",
                    "secret",
                    "hmac",
                    "password",
                    "api-key",
                    "apikey",
                    "-sig");

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Set<String> sanitizedHeaders;
    private final @Nullable LogSanitizer bodySanitizer;
    private final int maxHeaderValue;

    /**
     * @param logSanitize the app's {@code log.sanitize} paths; those under {@code request.headers}
     *     and {@code request.body} apply here
     * @param maxHeaderValue longer header values are cut to this many characters
     */
    public RequestMask(List<String> logSanitize, int maxHeaderValue) {
        Set<String> headers = new HashSet<>();
        List<String> bodyPaths = new ArrayList<>();
        for (String path : logSanitize) {
            String lower = path.toLowerCase(Locale.ROOT);
            if (lower.startsWith("request.headers.")) {
                headers.add(
                        unquote(path.substring("request.headers.".length()))
                                .toLowerCase(Locale.ROOT));
            } else if (lower.startsWith("request.body.")) {
                bodyPaths.add(path);
            }
        }
        this.sanitizedHeaders = Set.copyOf(headers);
        this.bodySanitizer = bodyPaths.isEmpty() ? null : new LogSanitizer(bodyPaths);
        this.maxHeaderValue = maxHeaderValue;
    }

    /** Whether the value of the header {@code name} is never shown. */
    public boolean secret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (CREDENTIAL_HEADERS.contains(lower) || sanitizedHeaders.contains(lower)) {
            return true;
        }
        for (String part : SECRET_NAME_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The headers with lower-cased names, secret values masked and long values cut. */
    public List<Map.Entry<String, String>> headers(List<Map.Entry<String, String>> headers) {
        List<Map.Entry<String, String>> masked = new ArrayList<>(headers.size());
        for (Map.Entry<String, String> h : headers) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            String value = secret(name) ? MASK : cut(h.getValue());
            masked.add(Map.entry(name, value));
        }
        return masked;
    }

    /**
     * The first {@code maxBytes} of the body, after masking its sanitized paths when it is JSON.
     * The cut may fall inside a UTF-8 sequence: readers decode leniently.
     */
    public byte[] bodyPreview(byte[] body, @Nullable String contentType, int maxBytes) {
        byte[] shown = body;
        if (bodySanitizer != null && json(contentType)) {
            shown = sanitizedJson(body, bodySanitizer);
        }
        if (shown.length <= maxBytes) {
            return shown;
        }
        byte[] preview = new byte[maxBytes];
        System.arraycopy(shown, 0, preview, 0, maxBytes);
        return preview;
    }

    private String cut(String value) {
        return value.length() <= maxHeaderValue ? value : value.substring(0, maxHeaderValue);
    }

    private static boolean json(@Nullable String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    /**
     * The body with its sanitized paths masked; a body that does not parse as JSON cannot be masked
     * by path, so only its size is shown rather than text that may hold the secret.
     */
    private static byte[] sanitizedJson(byte[] body, LogSanitizer sanitizer) {
        try {
            JsonNode parsed = JSON.readTree(body);
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            wrapper.putObject("request").set("body", parsed);
            JsonNode masked = sanitizer.sanitize(wrapper).path("request").path("body");
            return JSON.writeValueAsBytes(masked);
        } catch (JacksonException e) {
            return ("("
                            + body.length
                            + " bytes of invalid JSON, not shown: the app masks parts"
                            + " of its bodies)")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String unquote(String segment) {
        return segment.length() >= 2 && segment.startsWith("`") && segment.endsWith("`")
                ? segment.substring(1, segment.length() - 1)
                : segment;
    }
}
