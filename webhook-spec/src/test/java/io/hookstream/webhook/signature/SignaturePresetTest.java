package io.hookstream.webhook.signature;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.webhook.request.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every preset against the providers' published vectors where they exist, and against MACs computed
 * here independently with {@code javax.crypto} where they do not.
 */
class SignaturePresetTest {

    private static final Duration TOLERANCE = SignaturePreset.DEFAULT_TOLERANCE;

    @Nested
    class GitHub {
        private final SignatureCheck check = SignaturePreset.GITHUB.check(TOLERANCE);
        private final byte[] secret = utf8("It's a Secret to Everybody");

        @Test
        void publishedVectorPasses() {
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    "Hello, World!",
                                    Instant.EPOCH,
                                    "X-Hub-Signature-256",
                                    "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"))
                    .isInstanceOf(SignatureResult.Valid.class);
        }

        @Test
        void upperCaseHexIsTheSameSignature() {
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    "Hello, World!",
                                    Instant.EPOCH,
                                    "x-hub-signature-256",
                                    "sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17"))
                    .isInstanceOf(SignatureResult.Valid.class);
        }

        @Test
        void oneChangedDigitFails() {
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    "Hello, World!",
                                    Instant.EPOCH,
                                    "X-Hub-Signature-256",
                                    "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18"))
                    .isEqualTo(new SignatureResult.Invalid("signature mismatch"));
        }

        @Test
        void aChangedBodyFails() {
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    "Hello, World?",
                                    Instant.EPOCH,
                                    "X-Hub-Signature-256",
                                    "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"))
                    .isInstanceOf(SignatureResult.Invalid.class);
        }

        @Test
        void missingHeaderAndMissingPrefixFail() {
            assertThat(verify(check, secret, "Hello, World!", Instant.EPOCH))
                    .isEqualTo(new SignatureResult.Invalid("missing header X-Hub-Signature-256"));
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    "Hello, World!",
                                    Instant.EPOCH,
                                    "X-Hub-Signature-256",
                                    "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"))
                    .isInstanceOf(SignatureResult.Invalid.class);
        }

        @Test
        void anEmptySecretIsAConfigurationFaultNotAPass() {
            assertThat(
                            verify(
                                    check,
                                    new byte[0],
                                    "x",
                                    Instant.EPOCH,
                                    "X-Hub-Signature-256",
                                    "sha256=00"))
                    .isInstanceOf(SignatureResult.Misconfigured.class);
        }
    }

    @Nested
    class StandardWebhooks {
        private final SignatureCheck check = SignaturePreset.STANDARD.check(TOLERANCE);
        private final byte[] secret = utf8("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        private final Instant sent = Instant.ofEpochSecond(1614265330);

        @Test
        void publishedVectorPasses() {
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    "{\"test\": 2432232314}",
                                    sent,
                                    "webhook-id",
                                    "msg_p5jXN8AQM9LWM0D4loKWxJek",
                                    "webhook-timestamp",
                                    "1614265330",
                                    "webhook-signature",
                                    "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="))
                    .isInstanceOf(SignatureResult.Valid.class);
        }

        @Test
        void anyOfSeveralSpaceSeparatedSignaturesMayMatch() {
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    "{\"test\": 2432232314}",
                                    sent.plusSeconds(299),
                                    "svix-id",
                                    "msg_p5jXN8AQM9LWM0D4loKWxJek",
                                    "svix-timestamp",
                                    "1614265330",
                                    "svix-signature",
                                    "v1,AAAA v1a,ignored v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="))
                    .isInstanceOf(SignatureResult.Valid.class);
        }

        @Test
        void staleAndFutureTimestampsFail() {
            String[] headers = {
                "webhook-id",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "webhook-timestamp",
                "1614265330",
                "webhook-signature",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
            };
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    "{\"test\": 2432232314}",
                                    sent.plusSeconds(301),
                                    headers))
                    .isEqualTo(
                            new SignatureResult.Invalid(
                                    "signature timestamp outside the 300 s tolerance"));
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    "{\"test\": 2432232314}",
                                    sent.minusSeconds(301),
                                    headers))
                    .isInstanceOf(SignatureResult.Invalid.class);
        }

        @Test
        void missingIdFailsAndANonBase64SecretIsMisconfigured() {
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    "{}",
                                    sent,
                                    "webhook-timestamp",
                                    "1614265330",
                                    "webhook-signature",
                                    "v1,x"))
                    .isEqualTo(new SignatureResult.Invalid("missing header webhook-id"));
            assertThat(verify(check, utf8("whsec_not base64!"), "{}", sent, "webhook-id", "m"))
                    .isInstanceOf(SignatureResult.Misconfigured.class);
        }
    }

    @Nested
    class Slack {
        private static final String BODY =
                "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
                        + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
                        + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
                        + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        private final SignatureCheck check = SignaturePreset.SLACK.check(TOLERANCE);
        private final byte[] secret = utf8("8f742231b10e8888abcd99yyyzzz85a5");

        @Test
        void publishedVectorPassesWithinTolerance() {
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    BODY,
                                    Instant.ofEpochSecond(1531420618 + 300),
                                    "X-Slack-Request-Timestamp",
                                    "1531420618",
                                    "X-Slack-Signature",
                                    "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"))
                    .isInstanceOf(SignatureResult.Valid.class);
        }

        @Test
        void staleTimestampFailsEvenWithTheRightSignature() {
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    BODY,
                                    Instant.ofEpochSecond(1531420618 + 301),
                                    "X-Slack-Request-Timestamp",
                                    "1531420618",
                                    "X-Slack-Signature",
                                    "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"))
                    .isInstanceOf(SignatureResult.Invalid.class);
        }

        @Test
        void aTimestampThatIsNotANumberFails() {
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    BODY,
                                    Instant.EPOCH,
                                    "X-Slack-Request-Timestamp",
                                    "yesterday",
                                    "X-Slack-Signature",
                                    "v0=00"))
                    .isEqualTo(new SignatureResult.Invalid("malformed signature timestamp"));
        }

        @Test
        void missingSignatureHeaderFails() {
            assertThat(verify(check, secret, BODY, Instant.EPOCH, "X-Slack-Request-Timestamp", "0"))
                    .isEqualTo(new SignatureResult.Invalid("missing header X-Slack-Signature"));
        }
    }

    @Nested
    class Zoom {
        private final SignatureCheck check = SignaturePreset.ZOOM.check(TOLERANCE);
        private final byte[] secret = utf8("secretValueTest");

        @Test
        void independentlyComputedSignaturePasses() {
            String body = "{\"event\":\"meeting.started\"}";
            String signature = "v0=" + hex(hmac("HmacSHA256", secret, "v0:1700000000:" + body));
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    body,
                                    Instant.ofEpochSecond(1700000010),
                                    "x-zm-request-timestamp",
                                    "1700000000",
                                    "x-zm-signature",
                                    signature))
                    .isInstanceOf(SignatureResult.Valid.class);
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    body,
                                    Instant.ofEpochSecond(1700000400),
                                    "x-zm-request-timestamp",
                                    "1700000000",
                                    "x-zm-signature",
                                    signature))
                    .isInstanceOf(SignatureResult.Invalid.class);
        }
    }

    @Nested
    class Stripe {
        private final SignatureCheck check = SignaturePreset.STRIPE.check(TOLERANCE);
        private final byte[] secret = utf8("whsec_test_secret");
        private final String body = "{\"id\":\"evt_1\",\"type\":\"charge.succeeded\"}";
        private final String good = hex(hmac("HmacSHA256", secret, "1700000000." + body));

        @Test
        void anyRepeatedV1SignatureMayMatch() {
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    body,
                                    Instant.ofEpochSecond(1700000000),
                                    "Stripe-Signature",
                                    "t=1700000000,v1="
                                            + "0".repeat(64)
                                            + ",v1="
                                            + good
                                            + ",v0=ignored"))
                    .isInstanceOf(SignatureResult.Valid.class);
        }

        @Test
        void wrongSignatureStaleTimestampAndBadHeaderFail() {
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    body,
                                    Instant.ofEpochSecond(1700000000),
                                    "Stripe-Signature",
                                    "t=1700000000,v1=" + "0".repeat(64)))
                    .isEqualTo(new SignatureResult.Invalid("signature mismatch"));
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    body,
                                    Instant.ofEpochSecond(1700000301),
                                    "Stripe-Signature",
                                    "t=1700000000,v1=" + good))
                    .isInstanceOf(SignatureResult.Invalid.class);
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    body,
                                    Instant.ofEpochSecond(1700000000),
                                    "Stripe-Signature",
                                    "v1=" + good))
                    .isInstanceOf(SignatureResult.Invalid.class);
            assertThat(verify(check, secret, body, Instant.ofEpochSecond(1700000000)))
                    .isEqualTo(new SignatureResult.Invalid("missing header Stripe-Signature"));
        }

        @Test
        void aLongerToleranceAcceptsOlderEvents() {
            assertThat(
                            verify(
                                    SignaturePreset.STRIPE.check(Duration.ofSeconds(600)),
                                    secret,
                                    body,
                                    Instant.ofEpochSecond(1700000500),
                                    "Stripe-Signature",
                                    "t=1700000000,v1=" + good))
                    .isInstanceOf(SignatureResult.Valid.class);
        }
    }

    @Nested
    class ShopifyAndMeta {
        @Test
        void shopifySignsTheBodyInBase64() {
            byte[] secret = utf8("shpss_secret");
            String body = "{\"id\":820982911946154508}";
            String signature = Base64.getEncoder().encodeToString(hmac("HmacSHA256", secret, body));
            SignatureCheck check = SignaturePreset.SHOPIFY.check(TOLERANCE);

            assertThat(
                            verify(
                                    check,
                                    secret,
                                    body,
                                    Instant.EPOCH,
                                    "X-Shopify-Hmac-Sha256",
                                    signature))
                    .isInstanceOf(SignatureResult.Valid.class);
            assertThat(
                            verify(
                                    check,
                                    secret,
                                    body + " ",
                                    Instant.EPOCH,
                                    "X-Shopify-Hmac-Sha256",
                                    signature))
                    .isInstanceOf(SignatureResult.Invalid.class);
        }

        @Test
        void metaSignsTheBodyInPrefixedHex() {
            byte[] secret = utf8("app-secret");
            String body = "{\"object\":\"page\",\"entry\":[]}";
            SignatureCheck check = SignaturePreset.META.check(TOLERANCE);

            assertThat(
                            verify(
                                    check,
                                    secret,
                                    body,
                                    Instant.EPOCH,
                                    "X-Hub-Signature-256",
                                    "sha256=" + hex(hmac("HmacSHA256", secret, body))))
                    .isInstanceOf(SignatureResult.Valid.class);
            assertThat(
                            verify(
                                    check,
                                    utf8("other"),
                                    body,
                                    Instant.EPOCH,
                                    "X-Hub-Signature-256",
                                    "sha256=" + hex(hmac("HmacSHA256", secret, body))))
                    .isInstanceOf(SignatureResult.Invalid.class);
        }
    }

    @Nested
    class Generic {
        @Test
        void sha1HexAndSha512Base64WithPrefixes() {
            byte[] secret = utf8("k");
            HeaderHmac sha1 =
                    new HeaderHmac("X-Sig", HmacAlgorithm.SHA1, SignatureEncoding.HEX, "");
            HeaderHmac sha512 =
                    new HeaderHmac(
                            "X-Sig", HmacAlgorithm.SHA512, SignatureEncoding.BASE64, "HMAC ");

            assertThat(
                            verify(
                                    sha1,
                                    secret,
                                    "p",
                                    Instant.EPOCH,
                                    "X-Sig",
                                    hex(hmac("HmacSHA1", secret, "p"))))
                    .isInstanceOf(SignatureResult.Valid.class);
            assertThat(
                            verify(
                                    sha512,
                                    secret,
                                    "p",
                                    Instant.EPOCH,
                                    "X-Sig",
                                    "hmac "
                                            + Base64.getEncoder()
                                                    .encodeToString(
                                                            hmac("HmacSHA512", secret, "p"))))
                    .isInstanceOf(SignatureResult.Valid.class);
            assertThat(verify(sha512, secret, "p", Instant.EPOCH, "X-Sig", "HMAC not-base64!"))
                    .isInstanceOf(SignatureResult.Invalid.class);
        }
    }

    @Test
    void presetNamesAndTimestampSchemes() {
        assertThat(SignaturePreset.fromName("standard")).isEqualTo(SignaturePreset.STANDARD);
        assertThat(SignaturePreset.fromName("hmac")).isNull();
        assertThat(SignaturePreset.fromName("GitHub")).isNull();
        assertThat(List.of(SignaturePreset.values()))
                .filteredOn(SignaturePreset::hasTimestamp)
                .containsExactlyInAnyOrder(
                        SignaturePreset.STRIPE,
                        SignaturePreset.SLACK,
                        SignaturePreset.ZOOM,
                        SignaturePreset.STANDARD);
    }

    @Test
    void reasonsNeverContainTheSecretOrTheSignature() {
        SignatureCheck check = SignaturePreset.GITHUB.check(TOLERANCE);
        SignatureResult result =
                verify(
                        check,
                        utf8("topsecret"),
                        "b",
                        Instant.EPOCH,
                        "X-Hub-Signature-256",
                        "sha256=abcdef");
        assertThat(((SignatureResult.Invalid) result).reason())
                .doesNotContain("topsecret")
                .doesNotContain("abcdef");
    }

    static SignatureResult verify(
            SignatureCheck check, byte[] secret, String body, Instant now, String... headerPairs) {
        java.util.List<Map.Entry<String, String>> headers = new java.util.ArrayList<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(Map.entry(headerPairs[i], headerPairs[i + 1]));
        }
        return check.verify(new SignedRequest(Headers.of(headers), utf8(body), now), secret);
    }

    static byte[] hmac(String algorithm, byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(utf8(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
