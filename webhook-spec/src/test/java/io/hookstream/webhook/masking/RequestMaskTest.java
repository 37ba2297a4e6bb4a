package io.hookstream.webhook.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestMaskTest {

    private final RequestMask mask =
            new RequestMask(
                    List.of(
                            "request.headers.`X-Custom-Key`",
                            "request.body.password",
                            "response.body.x"),
                    16);

    @Test
    void credentialsSignaturesAndSanitizedHeadersAreMasked() {
        var headers =
                mask.headers(
                        List.of(
                                Map.entry("Authorization", "Bearer abc"),
                                Map.entry("Cookie", "s=1"),
                                Map.entry("X-Hub-Signature-256", "sha256=00"),
                                Map.entry("Stripe-Signature", "t=1,v1=00"),
                                Map.entry("X-Shopify-Hmac-Sha256", "00"),
                                Map.entry("webhook-signature", "v1,00"),
                                Map.entry("x-custom-key", "k"),
                                Map.entry("X-GitHub-Event", "push")));
        assertThat(headers)
                .containsExactly(
                        Map.entry("authorization", RequestMask.MASK),
                        Map.entry("cookie", RequestMask.MASK),
                        Map.entry("x-hub-signature-256", RequestMask.MASK),
                        Map.entry("stripe-signature", RequestMask.MASK),
                        Map.entry("x-shopify-hmac-sha256", RequestMask.MASK),
                        Map.entry("webhook-signature", RequestMask.MASK),
                        Map.entry("x-custom-key", RequestMask.MASK),
                        Map.entry("x-github-event", "push"));
    }

    @Test
    void longHeaderValuesAreCut() {
        assertThat(mask.headers(List.of(Map.entry("x-long", "a".repeat(100)))))
                .containsExactly(Map.entry("x-long", "a".repeat(16)));
    }

    @Test
    void sanitizedBodyPathsAreMaskedBeforeTheCut() {
        byte[] body = "{\"user\":\"u\",\"password\":\"hunter2\"}".getBytes(StandardCharsets.UTF_8);
        String shown =
                new String(
                        mask.bodyPreview(body, "application/json", 2048), StandardCharsets.UTF_8);
        assertThat(shown)
                .doesNotContain("hunter2")
                .contains("\"user\":\"u\"")
                .contains(RequestMask.MASK);
    }

    @Test
    void aBodyThatCannotBeMaskedIsNotShown() {
        byte[] body = "{\"password\":\"hunter2\"".getBytes(StandardCharsets.UTF_8);
        assertThat(
                        new String(
                                mask.bodyPreview(body, "application/json", 2048),
                                StandardCharsets.UTF_8))
                .doesNotContain("hunter2")
                .contains("not shown");
    }

    @Test
    void otherBodiesAreOnlyCut() {
        byte[] body = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
        assertThat(mask.bodyPreview(body, "text/plain", 2048)).hasSize(2048);
        RequestMask none = new RequestMask(List.of(), 512);
        byte[] json = "{\"password\":\"p\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(none.bodyPreview(json, "application/json", 2048)).isEqualTo(json);
    }
}
