package io.hookstream.webhook.examples;

import io.hookstream.webhook.request.Headers;
import io.hookstream.webhook.request.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** Builds provider requests and signs them independently of the code under test. */
final class ProviderRequests {

    private ProviderRequests() {}

    static WebhookRequest request(
            String method,
            String query,
            @Nullable String contentType,
            String body,
            Instant at,
            String... headerPairs) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (contentType != null) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(Map.entry(headerPairs[i], headerPairs[i + 1]));
        }
        return new WebhookRequest(
                method, "/hooks/example", Headers.of(headers), query, contentType, utf8(body), at);
    }

    static byte[] hmacSha256(String key, String message) {
        return hmacSha256(utf8(key), message);
    }

    static byte[] hmacSha256(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(utf8(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
