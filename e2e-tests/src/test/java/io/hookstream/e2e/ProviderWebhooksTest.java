package io.hookstream.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.schemas.avro.UnmatchedItem;
import io.hookstream.schemas.bundle.Bundle;
import io.hookstream.schemas.bundle.BundleReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

/**
 * Every example app in {@code examples/apps} against the running services over real HTTP: each
 * provider's own handshake or delivery, checked byte for byte, and what did or did not reach Kafka.
 * The apps are specs only; nothing here is provider-specific code in Hookstream.
 */
@EmbeddedKafka(
        count = 1,
        partitions = 3,
        brokerProperties = {
            "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
            "offsets.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0"
        })
class ProviderWebhooksTest {

    private static RunningSystem hs;

    @BeforeAll
    static void start(EmbeddedKafkaBroker broker) throws Exception {
        hs = new RunningSystem(broker.getBrokersAsString());
    }

    @AfterAll
    static void stop() {
        hs.close();
    }

    @Test
    void githubSignedDeliveriesBecomeBundlesWhilePingsAndForgeriesDoNot() throws Exception {
        String user = user("gh");
        JsonNode hook =
                hs.createHook(
                        "github",
                        "repository",
                        user,
                        "{\"secret\":\"It's a Secret to Everybody\"}");
        String url = hook.get("url").asString();
        String body = "{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"octo/hello\"}}";
        String signature = "sha256=" + hmacHex("It's a Secret to Everybody", body);

        long before = hs.rawEventCount();
        HttpResponse<String> forged =
                hs.send(
                        "POST",
                        url,
                        "application/json",
                        body,
                        "X-GitHub-Event",
                        "push",
                        "X-Hub-Signature-256",
                        "sha256=" + "0".repeat(64));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("content-type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(forged.body()).doesNotContain("Secret to Everybody");
        HttpResponse<String> unsigned =
                hs.send("POST", url, "application/json", body, "X-GitHub-Event", "push");
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(hs.rawEventCount())
                .as("a rejected request is never published")
                .isEqualTo(before);

        HttpResponse<String> ping =
                hs.send(
                        "POST",
                        url,
                        "application/json",
                        "{\"zen\":\"Keep it simple.\"}",
                        "X-GitHub-Event",
                        "ping",
                        "X-Hub-Signature-256",
                        "sha256="
                                + hmacHex(
                                        "It's a Secret to Everybody",
                                        "{\"zen\":\"Keep it simple.\"}"));
        assertThat(ping.statusCode()).isEqualTo(200);
        HttpResponse<String> push =
                hs.send(
                        "POST",
                        url,
                        "application/json",
                        body,
                        "X-GitHub-Event",
                        "push",
                        "X-GitHub-Delivery",
                        "d-1",
                        "X-Hub-Signature-256",
                        signature);
        assertThat(push.statusCode()).isEqualTo(200);
        assertThat(push.body()).isEqualTo("Accepted");

        List<Bundle> bundles = bundles(user, 1);
        assertThat(bundles).hasSize(1);
        assertThat(RunningSystem.JSON.readTree(bundles.get(0).output()))
                .isEqualTo(
                        RunningSystem.JSON.readTree(
                                "{\"event\":\"push\",\"delivery\":\"d-1\",\"payload\":"
                                        + body
                                        + "}"));
    }

    @Test
    void aShopifyRetryWithTheSameWebhookIdIsAnsweredButDeliveredOnce() throws Exception {
        String user = user("shop");
        String url = hs.createHook("shopify", "orders", user, "{}").get("url").asString();
        String first = "{\"id\":1,\"email\":\"jon@example.com\"}";
        String second = "{\"id\":2,\"email\":\"eve@example.com\"}";

        // Shopify sends a delivery again, with the same X-Shopify-Webhook-Id, when it did not get
        // its 200 in time; both copies are answered as usual
        for (String[] delivery :
                List.of(
                        new String[] {"w-1", first},
                        new String[] {"w-1", first},
                        new String[] {"w-2", second})) {
            HttpResponse<String> answer =
                    hs.send(
                            "POST",
                            url,
                            "application/json",
                            delivery[1],
                            "X-Shopify-Topic",
                            "orders/create",
                            "X-Shopify-Shop-Domain",
                            "example.myshopify.com",
                            "X-Shopify-Webhook-Id",
                            delivery[0],
                            "X-Shopify-Hmac-Sha256",
                            hmacBase64("shopify-example-client-secret", delivery[1]));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }

        // one hook's events are routed in order, so a copy of w-1 would come before w-2
        List<Bundle> bundles = bundles(user, 2);
        assertThat(bundles)
                .extracting(
                        b -> RunningSystem.JSON.readTree(b.output()).get("webhookId").asString())
                .containsExactly("w-1", "w-2");
    }

    @Test
    void stripeAcceptsAFreshSignatureAndRefusesAStaleOne() throws Exception {
        String user = user("stripe");
        String secret = "whsec_example_stripe_signing_secret";
        String url =
                hs.createHook("stripe", "events", user, "{\"signingSecret\":\"" + secret + "\"}")
                        .get("url")
                        .asString();
        String body =
                "{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"created\":1700000000,\"livemode\":false,\"data\":{\"object\":{\"id\":\"in_1\"}}}";

        long stale = Instant.now().minusSeconds(600).getEpochSecond();
        long before = hs.rawEventCount();
        HttpResponse<String> old =
                hs.send(
                        "POST",
                        url,
                        "application/json",
                        body,
                        "Stripe-Signature",
                        "t=" + stale + ",v1=" + hmacHex(secret, stale + "." + body));
        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(hs.rawEventCount()).isEqualTo(before);

        long now = Instant.now().getEpochSecond();
        HttpResponse<String> fresh =
                hs.send(
                        "POST",
                        url,
                        "application/json",
                        body,
                        "Stripe-Signature",
                        "t="
                                + now
                                + ",v1="
                                + "ab".repeat(32)
                                + ",v1="
                                + hmacHex(secret, now + "." + body));
        assertThat(fresh.statusCode()).isEqualTo(200);
        List<Bundle> bundles = bundles(user, 1);
        assertThat(bundles).hasSize(1);
        assertThat(RunningSystem.JSON.readTree(bundles.get(0).output()).get("type").asString())
                .isEqualTo("invoice.paid");
    }

    @Test
    void zoomUrlValidationIsAnsweredWithTheDocumentedVectorAndNeverPublished() throws Exception {
        String url =
                hs.createHook(
                                "zoom",
                                "events",
                                user("zoom"),
                                "{\"secretToken\":\"secretValueTest\"}")
                        .get("url")
                        .asString();
        long before = hs.rawEventCount();

        HttpResponse<String> answer =
                hs.send(
                        "POST",
                        url,
                        "application/json",
                        "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1654503849680,\"event\":\"endpoint.url_validation\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("content-type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(RunningSystem.JSON.readTree(answer.body()))
                .isEqualTo(
                        RunningSystem.JSON.readTree(
                                "{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\",\"encryptedToken\":\"70c1f2e2e6ca2d39297490d1f9142c7d701415ea8e6151f6562a08fa657a40ff\"}"));
        assertThat(hs.rawEventCount()).as("a handshake is never published").isEqualTo(before);
    }

    @Test
    void metaVerifiesItsTokenAndRoutesSignedEntries() throws Exception {
        String user = user("meta");
        String url =
                hs.createHook(
                                "meta",
                                "page",
                                user,
                                "{\"verifyToken\":\"meatyhamhock\",\"appSecret\":\"meta-app-secret\"}")
                        .get("url")
                        .asString();

        HttpResponse<String> ok =
                hs.send(
                        "GET",
                        url
                                + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock",
                        null,
                        null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        HttpResponse<String> wrong =
                hs.send(
                        "GET",
                        url + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=nope",
                        null,
                        null);
        assertThat(wrong.statusCode()).isEqualTo(403);

        String body =
                "{\"object\":\"page\",\"entry\":[{\"id\":\"p1\",\"time\":1,\"changes\":[{\"field\":\"feed\"}]},{\"id\":\"p2\",\"time\":2}]}";
        HttpResponse<String> delivery =
                hs.send(
                        "POST",
                        url,
                        "application/json",
                        body,
                        "X-Hub-Signature-256",
                        "sha256=" + hmacHex("meta-app-secret", body));
        assertThat(delivery.statusCode()).isEqualTo(200);
        assertThat(bundles(user, 2))
                .extracting(b -> RunningSystem.JSON.readTree(b.output()).get("id").asString())
                .containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void oktaAndAsanaHandshakesEchoTheirChallenge() throws Exception {
        String okta = hs.createHook("okta", "events", user("okta"), "{}").get("url").asString();
        HttpResponse<String> challenge =
                hs.send("GET", okta, null, null, "X-Okta-Verification-Challenge", "c-123");
        assertThat(challenge.statusCode()).isEqualTo(200);
        assertThat(challenge.headers().firstValue("content-type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(RunningSystem.JSON.readTree(challenge.body()))
                .isEqualTo(RunningSystem.JSON.readTree("{\"verification\":\"c-123\"}"));

        String asana =
                hs.createHook("asana", "resource", user("asana"), "{\"resource\":\"123\"}")
                        .get("url")
                        .asString();
        long before = hs.rawEventCount();
        HttpResponse<String> secret =
                hs.send("POST", asana, "application/json", "", "X-Hook-Secret", "s3cr3t");
        assertThat(secret.statusCode()).isEqualTo(200);
        assertThat(secret.headers().firstValue("x-hook-secret")).hasValue("s3cr3t");
        assertThat(secret.body()).isEmpty();
        assertThat(hs.rawEventCount()).isEqualTo(before);
    }

    @Test
    void microsoftGraphEchoesTheDecodedValidationTokenAndKeepsOnlyItsOwnClientState()
            throws Exception {
        String user = user("graph");
        String url =
                hs.createHook(
                                "microsoft-graph",
                                "changes",
                                user,
                                "{\"clientState\":\"secretClientValue\",\"changeType\":\"created\",\"resource\":\"me/messages\"}")
                        .get("url")
                        .asString();
        String token =
                "Validation: Testing client application reachability for subscription Request-Id: 8f2e";

        HttpResponse<String> validation =
                hs.send(
                        "POST",
                        url
                                + "?validationToken="
                                + URLEncoder.encode(token, StandardCharsets.UTF_8),
                        "text/plain",
                        "");
        assertThat(validation.statusCode()).isEqualTo(200);
        assertThat(validation.headers().firstValue("content-type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
        assertThat(validation.body()).isEqualTo(token);

        String body =
                "{\"value\":[{\"subscriptionId\":\"s1\",\"clientState\":\"secretClientValue\",\"changeType\":\"created\",\"resource\":\"m/1\"},"
                        + "{\"subscriptionId\":\"s1\",\"clientState\":\"forged\",\"changeType\":\"created\",\"resource\":\"m/2\"}]}";
        HttpResponse<String> notification = hs.send("POST", url, "application/json", body);
        assertThat(notification.statusCode()).isEqualTo(202);
        assertThat(bundles(user, 1))
                .extracting(b -> RunningSystem.JSON.readTree(b.output()).get("resource").asString())
                .containsExactly("m/1");
    }

    @Test
    void sharedProvidersAnswerTheirHandshakesAtTheAppUrl() throws Exception {
        String base = hs.system.ingressUrl() + "/apps/";
        HttpResponse<String> dropbox =
                hs.send("GET", base + "dropbox/webhooks/files?challenge=abc123", null, null);
        assertThat(dropbox.statusCode()).isEqualTo(200);
        assertThat(dropbox.headers().firstValue("content-type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
        assertThat(dropbox.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(dropbox.body()).isEqualTo("abc123");

        HttpResponse<String> crc =
                hs.send(
                        "GET",
                        base + "x/webhooks/activity?crc_token=9b4507b3-9040-4669-9ca3-6b94edb50553",
                        null,
                        null);
        assertThat(crc.statusCode()).isEqualTo(200);
        assertThat(RunningSystem.JSON.readTree(crc.body()))
                .isEqualTo(
                        RunningSystem.JSON.readTree(
                                "{\"response_token\":\"sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=\"}"));

        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String challenge =
                "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
        HttpResponse<String> slack =
                hs.send(
                        "POST",
                        base + "slack/webhooks/events",
                        "application/json",
                        challenge,
                        "X-Slack-Request-Timestamp",
                        timestamp,
                        "X-Slack-Signature",
                        "v0="
                                + hmacHex(
                                        "8f742231b10e8888abcd99yyyzzz85a5",
                                        "v0:" + timestamp + ":" + challenge));
        assertThat(slack.statusCode()).isEqualTo(200);
        assertThat(slack.headers().firstValue("content-type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
        assertThat(slack.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void aSharedDeliveryNobodySubscribedToEndsOnTheUnmatchedTopicWithItsUid() throws Exception {
        String account = "dbid:" + UUID.randomUUID();
        String body =
                "{\"list_folder\":{\"accounts\":[\"" + account + "\"]},\"delta\":{\"users\":[1]}}";

        HttpResponse<String> delivery =
                hs.send(
                        "POST",
                        hs.system.ingressUrl() + "/apps/dropbox/webhooks/files",
                        "application/json",
                        body,
                        "X-Dropbox-Signature",
                        hmacHex("dropbox-example-app-secret", body));

        assertThat(delivery.statusCode()).isEqualTo(200);
        List<ConsumerRecord<String, UnmatchedItem>> unmatched =
                hs
                        .read(
                                hs.topics.eventsUnmatched().name(),
                                hs.topics.eventsUnmatched().valueSerde().deserializer(),
                                1,
                                Duration.ofSeconds(60))
                        .stream()
                        .filter(r -> r.key().equals("dropbox:" + account))
                        .toList();
        assertThat(unmatched).hasSize(1);
        assertThat(unmatched.get(0).value().getUid()).isEqualTo(account);
    }

    private static List<Bundle> bundles(String user, int expected) {
        return hs
                .read(
                        "hookstream.triggers." + user,
                        new BundleReader(),
                        expected,
                        Duration.ofSeconds(60))
                .stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    private static String user(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String hmacHex(String secret, String message) throws Exception {
        return HexFormat.of().formatHex(hmac(secret, message));
    }

    static String hmacBase64(String secret, String message) throws Exception {
        return Base64.getEncoder().encodeToString(hmac(secret, message));
    }

    private static byte[] hmac(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }
}
