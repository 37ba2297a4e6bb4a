package io.hookstream.webhook.examples;

import static io.hookstream.webhook.examples.ProviderRequests.base64;
import static io.hookstream.webhook.examples.ProviderRequests.hex;
import static io.hookstream.webhook.examples.ProviderRequests.hmacSha256;
import static io.hookstream.webhook.examples.ProviderRequests.request;
import static io.hookstream.webhook.examples.ProviderRequests.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.Iml;
import io.hookstream.webhook.pipeline.DedupeOutcome;
import io.hookstream.webhook.pipeline.EdgeOutcome;
import io.hookstream.webhook.pipeline.HookScope;
import io.hookstream.webhook.pipeline.HttpAnswer;
import io.hookstream.webhook.pipeline.Item;
import io.hookstream.webhook.pipeline.ProcessingOutcome;
import io.hookstream.webhook.pipeline.WebhookProcessor;
import io.hookstream.webhook.request.WebhookRequest;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.hookstream.webhook.spec.WebhookDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every app in {@code examples/apps} loads, and answers its provider's real handshake (see the
 * providers table in the shared spec) exactly: status, content type, headers and body bytes. Normal
 * deliveries are played through the edge and the router steps too. Secrets used: Slack and X keep
 * theirs in the app's {@code common} (app-level secrets, D21), Dropbox and Shopify too; GitHub,
 * Stripe, Standard Webhooks, Meta and Zoom take theirs from the hook's {@code parameters}.
 */
class ExampleAppsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Iml IML = Iml.standard();
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private final AppDefinitionParser parser = new AppDefinitionParser(IML);

    @Test
    void everyExampleAppLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(examplesDir())) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files)
                .extracting(p -> p.getFileName().toString())
                .contains(
                        "slack.json",
                        "microsoft-graph.json",
                        "dropbox.json",
                        "zoom.json",
                        "meta.json",
                        "x.json",
                        "okta.json",
                        "asana.json",
                        "github.json",
                        "stripe.json",
                        "shopify.json",
                        "standard-webhooks.json");
        for (Path file : files) {
            AppDefinition app = parser.parse(file.getFileName().toString(), Files.readString(file));
            assertThat(app.webhooks()).as(file.toString()).isNotEmpty();
            assertThat(app.warnings()).as(file.toString()).isEmpty();
        }
    }

    @Test
    void slackUrlVerificationIsSignedAndAnsweredWithTheChallenge() throws IOException {
        Hook slack = hook("slack.json", "events", null, Instant.ofEpochSecond(1531420618 + 5));
        String body =
                "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                        + "\"type\":\"url_verification\"}";

        EdgeOutcome outcome =
                slack.edge(
                        request(
                                "POST",
                                "",
                                "application/json",
                                body,
                                NOW,
                                "X-Slack-Request-Timestamp",
                                "1531420618",
                                "X-Slack-Signature",
                                slackSignature("1531420618", body)));

        assertThat(outcome).isInstanceOf(EdgeOutcome.Handshake.class);
        assertThat(outcome.answer())
                .isEqualTo(
                        new HttpAnswer(
                                200,
                                "text/plain; charset=utf-8",
                                List.of(),
                                utf8("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")));
    }

    @Test
    void slackPublishedSigningVectorIsAccepted() throws IOException {
        Hook slack = hook("slack.json", "events", null, Instant.ofEpochSecond(1531420618 + 60));
        String body =
                "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                        + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                        + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        WebhookRequest request =
                request(
                        "POST",
                        "",
                        "application/x-www-form-urlencoded",
                        body,
                        NOW,
                        "X-Slack-Request-Timestamp",
                        "1531420618",
                        "X-Slack-Signature",
                        "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");

        assertThat(slack.edge(request)).isEqualTo(new EdgeOutcome.Accepted(HttpAnswer.accepted()));
        // a slash command is not an event callback: accepted, but no bundle
        assertThat(slack.process(request)).isInstanceOf(ProcessingOutcome.Filtered.class);
    }

    @Test
    void slackEventsAreRoutedByTeamAndUnsignedOnesRejected() throws IOException {
        Hook slack = hook("slack.json", "events", null, Instant.ofEpochSecond(1700000000));
        String body =
                "{\"type\":\"event_callback\",\"team_id\":\"T061EG9R6\",\"event_id\":\"Ev1\","
                        + "\"event\":{\"type\":\"app_mention\",\"text\":\"hi\"}}";
        WebhookRequest signed =
                request(
                        "POST",
                        "",
                        "application/json",
                        body,
                        NOW,
                        "X-Slack-Request-Timestamp",
                        "1700000000",
                        "X-Slack-Signature",
                        slackSignature("1700000000", body));

        assertThat(slack.edge(signed)).isInstanceOf(EdgeOutcome.Accepted.class);
        // Slack retries an event with the same event_id
        assertThat(slack.dedupe(signed))
                .isEqualTo(new DedupeOutcome.Key("Ev1", Duration.ofHours(24)));
        assertThat(slack.items(signed))
                .singleElement()
                .satisfies(
                        item -> {
                            assertThat(item.uid()).isEqualTo("T061EG9R6");
                            assertThat(item.output().toString())
                                    .isEqualTo(
                                            "{\"type\":\"app_mention\",\"text\":\"hi\",\"eventId\":\"Ev1\",\"teamId\":\"T061EG9R6\"}");
                        });

        EdgeOutcome unsigned =
                slack.edge(
                        request(
                                "POST",
                                "",
                                "application/json",
                                body,
                                NOW,
                                "X-Slack-Request-Timestamp",
                                "1700000000"));
        assertThat(unsigned).isInstanceOf(EdgeOutcome.Rejected.class);
        assertThat(unsigned.answer().status()).isEqualTo(401);
    }

    @Test
    void microsoftGraphValidationEchoesTheDecodedTokenAsPlainText() throws IOException {
        Hook graph =
                hook(
                        "microsoft-graph.json",
                        "changes",
                        "{\"clientState\": \"secretClientValue\"}",
                        NOW);
        String token =
                "Validation: Testing client application reachability for subscription Request-Id: 25b9e5d2-b3c4-4c50-9b31-71a6f4a9b0d8";

        EdgeOutcome outcome =
                graph.edge(
                        request(
                                "POST",
                                "validationToken="
                                        + java.net.URLEncoder.encode(
                                                        token,
                                                        java.nio.charset.StandardCharsets.UTF_8)
                                                .replace("+", "%20"),
                                "text/plain",
                                "",
                                NOW));

        assertThat(outcome).isInstanceOf(EdgeOutcome.Handshake.class);
        assertThat(outcome.answer())
                .isEqualTo(new HttpAnswer(200, "text/plain", List.of(), utf8(token)));
    }

    @Test
    void microsoftGraphNotificationsAreKeptOnlyWithTheRightClientState() throws IOException {
        Hook graph =
                hook(
                        "microsoft-graph.json",
                        "changes",
                        "{\"clientState\": \"secretClientValue\"}",
                        NOW);
        String body =
                "{\"value\":[{\"subscriptionId\":\"s1\",\"clientState\":\"secretClientValue\",\"changeType\":\"created\","
                        + "\"resource\":\"Users/u/Messages/m\",\"resourceData\":{\"id\":\"m\"}},"
                        + "{\"subscriptionId\":\"s1\",\"clientState\":\"forged\",\"changeType\":\"deleted\",\"resource\":\"x\"}]}";
        WebhookRequest request = request("POST", "", "application/json", body, NOW);

        assertThat(graph.edge(request))
                .isEqualTo(
                        new EdgeOutcome.Accepted(
                                new HttpAnswer(202, null, List.of(), new byte[0])));
        assertThat(graph.items(request))
                .singleElement()
                .satisfies(
                        item ->
                                assertThat(item.output().toString())
                                        .isEqualTo(
                                                "{\"subscriptionId\":\"s1\",\"changeType\":\"created\",\"resource\":\"Users/u/Messages/m\",\"resourceData\":{\"id\":\"m\"}}"));
    }

    @Test
    void dropboxChallengeIsPlainTextWithNosniff() throws IOException {
        Hook dropbox = hook("dropbox.json", "files", null, NOW);

        EdgeOutcome outcome =
                dropbox.edge(request("GET", "challenge=ah2yYq8HHmuyJu1yyT0TvQ", null, "", NOW));

        assertThat(outcome).isInstanceOf(EdgeOutcome.Handshake.class);
        assertThat(outcome.answer())
                .isEqualTo(
                        new HttpAnswer(
                                200,
                                "text/plain",
                                List.of(Map.entry("X-Content-Type-Options", "nosniff")),
                                utf8("ah2yYq8HHmuyJu1yyT0TvQ")));
    }

    @Test
    void dropboxNotificationsAreSignedAndFanOutPerAccount() throws IOException {
        Hook dropbox = hook("dropbox.json", "files", null, NOW);
        String body =
                "{\"list_folder\":{\"accounts\":[\"dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc\",\"dbid:AAB\"]},"
                        + "\"delta\":{\"users\":[12345678,23456789]}}";
        WebhookRequest signed =
                request(
                        "POST",
                        "",
                        "application/json",
                        body,
                        NOW,
                        "X-Dropbox-Signature",
                        hex(hmacSha256("dropbox-example-app-secret", body)));

        assertThat(dropbox.edge(signed)).isInstanceOf(EdgeOutcome.Accepted.class);
        assertThat(dropbox.items(signed))
                .extracting(Item::uid)
                .containsExactly("dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc", "dbid:AAB");
        assertThat(
                        dropbox.edge(
                                request(
                                        "POST",
                                        "",
                                        "application/json",
                                        body,
                                        NOW,
                                        "X-Dropbox-Signature",
                                        "00")))
                .isInstanceOf(EdgeOutcome.Rejected.class);
    }

    @Test
    void zoomUrlValidationMatchesThePublishedVector() throws IOException {
        Hook zoom = hook("zoom.json", "events", "{\"secretToken\": \"secretValueTest\"}", NOW);
        String body =
                "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1654503849680,"
                        + "\"event\":\"endpoint.url_validation\"}";

        EdgeOutcome outcome = zoom.edge(request("POST", "", "application/json", body, NOW));

        assertThat(outcome).isInstanceOf(EdgeOutcome.Handshake.class);
        assertThat(outcome.answer())
                .isEqualTo(
                        new HttpAnswer(
                                200,
                                "application/json",
                                List.of(),
                                utf8(
                                        "{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\","
                                                + "\"encryptedToken\":\"70c1f2e2e6ca2d39297490d1f9142c7d701415ea8e6151f6562a08fa657a40ff\"}")));
    }

    @Test
    void zoomEventsBecomeBundles() throws IOException {
        Hook zoom = hook("zoom.json", "events", "{\"secretToken\": \"secretValueTest\"}", NOW);
        WebhookRequest request =
                request(
                        "POST",
                        "",
                        "application/json",
                        "{\"event\":\"meeting.started\",\"event_ts\":1626230691572,\"payload\":{\"object\":{\"id\":\"1234567890\"}}}",
                        NOW);

        assertThat(zoom.edge(request)).isEqualTo(new EdgeOutcome.Accepted(HttpAnswer.accepted()));
        assertThat(zoom.items(request))
                .singleElement()
                .satisfies(
                        item ->
                                assertThat(item.output().toString())
                                        .isEqualTo(
                                                "{\"event\":\"meeting.started\",\"eventTs\":1626230691572,\"object\":{\"id\":\"1234567890\"}}"));
    }

    @Test
    void metaVerificationChecksTheVerifyToken() throws IOException {
        Hook meta =
                hook(
                        "meta.json",
                        "page",
                        "{\"verifyToken\": \"meatyhamhock\", \"appSecret\": \"meta-app-secret\"}",
                        NOW);

        EdgeOutcome good =
                meta.edge(
                        request(
                                "GET",
                                "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock",
                                null,
                                "",
                                NOW));
        assertThat(good).isInstanceOf(EdgeOutcome.Handshake.class);
        assertThat(good.answer())
                .isEqualTo(
                        new HttpAnswer(
                                200, "text/plain; charset=utf-8", List.of(), utf8("1158201444")));

        EdgeOutcome bad =
                meta.edge(
                        request(
                                "GET",
                                "hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess",
                                null,
                                "",
                                NOW));
        assertThat(bad).isInstanceOf(EdgeOutcome.Handshake.class);
        assertThat(bad.answer().status()).isEqualTo(403);
        assertThat(bad.answer().bodyText()).doesNotContain("1158201444");
    }

    @Test
    void metaDeliveriesAreSignedWithTheAppSecret() throws IOException {
        Hook meta =
                hook(
                        "meta.json",
                        "page",
                        "{\"verifyToken\": \"meatyhamhock\", \"appSecret\": \"meta-app-secret\"}",
                        NOW);
        String body =
                "{\"object\":\"page\",\"entry\":[{\"id\":\"0\",\"time\":1700000000,\"changes\":[{\"field\":\"feed\",\"value\":{}}]}]}";
        WebhookRequest signed =
                request(
                        "POST",
                        "",
                        "application/json",
                        body,
                        NOW,
                        "X-Hub-Signature-256",
                        "sha256=" + hex(hmacSha256("meta-app-secret", body)));

        assertThat(meta.edge(signed)).isInstanceOf(EdgeOutcome.Accepted.class);
        assertThat(meta.items(signed))
                .singleElement()
                .satisfies(
                        item ->
                                assertThat(item.output().toString())
                                        .isEqualTo(
                                                "{\"object\":\"page\",\"id\":\"0\",\"time\":1700000000,\"changes\":[{\"field\":\"feed\",\"value\":{}}]}"));
        assertThat(meta.edge(request("POST", "", "application/json", body, NOW)))
                .isInstanceOf(EdgeOutcome.Rejected.class);
    }

    @Test
    void xCrcMatchesThePublishedVector() throws IOException {
        Hook x = hook("x.json", "activity", null, NOW);

        EdgeOutcome outcome =
                x.edge(
                        request(
                                "GET",
                                "crc_token=9b4507b3-9040-4669-9ca3-6b94edb50553",
                                null,
                                "",
                                NOW));

        assertThat(outcome).isInstanceOf(EdgeOutcome.Handshake.class);
        assertThat(outcome.answer())
                .isEqualTo(
                        new HttpAnswer(
                                200,
                                "application/json",
                                List.of(),
                                utf8(
                                        "{\"response_token\":\"sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=\"}")));
    }

    @Test
    void xActivityIsSignedAndRoutedByUser() throws IOException {
        Hook x = hook("x.json", "activity", null, NOW);
        String body =
                "{\"for_user_id\":\"2244994945\",\"tweet_create_events\":[{\"id_str\":\"1\",\"text\":\"hello\","
                        + "\"user\":{\"screen_name\":\"XDevelopers\"}}]}";
        WebhookRequest signed =
                request(
                        "POST",
                        "",
                        "application/json",
                        body,
                        NOW,
                        "X-Twitter-Webhooks-Signature",
                        "sha256="
                                + base64(
                                        hmacSha256(
                                                "z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu",
                                                body)));

        assertThat(x.edge(signed)).isInstanceOf(EdgeOutcome.Accepted.class);
        assertThat(x.items(signed))
                .singleElement()
                .satisfies(
                        item -> {
                            assertThat(item.uid()).isEqualTo("2244994945");
                            assertThat(item.output().toString())
                                    .isEqualTo(
                                            "{\"id\":\"1\",\"text\":\"hello\",\"user\":\"XDevelopers\"}");
                        });
        assertThat(
                        x.edge(
                                request(
                                        "POST",
                                        "",
                                        "application/json",
                                        body,
                                        NOW,
                                        "X-Twitter-Webhooks-Signature",
                                        "sha256=AAAA")))
                .isInstanceOf(EdgeOutcome.Rejected.class);
    }

    @Test
    void oktaVerificationEchoesTheChallengeAsJson() throws IOException {
        Hook okta = hook("okta.json", "events", null, NOW);

        EdgeOutcome outcome =
                okta.edge(
                        request(
                                "GET",
                                "",
                                null,
                                "",
                                NOW,
                                "X-Okta-Verification-Challenge",
                                "KR4ZlGf3wDKbxAvKbgUZ6RmNQ6aAp4P6Tv0S4rBY"));

        assertThat(outcome).isInstanceOf(EdgeOutcome.Handshake.class);
        assertThat(outcome.answer())
                .isEqualTo(
                        new HttpAnswer(
                                200,
                                "application/json",
                                List.of(),
                                utf8(
                                        "{\"verification\":\"KR4ZlGf3wDKbxAvKbgUZ6RmNQ6aAp4P6Tv0S4rBY\"}")));
    }

    @Test
    void oktaEventsBecomeOneBundleEach() throws IOException {
        Hook okta = hook("okta.json", "events", null, NOW);
        WebhookRequest request =
                request(
                        "POST",
                        "",
                        "application/json",
                        "{\"eventType\":\"com.okta.event_hook\",\"data\":{\"events\":[{\"uuid\":\"u1\",\"eventType\":\"user.session.start\","
                                + "\"published\":\"2024-05-01T09:59:00.000Z\",\"actor\":{\"alternateId\":\"a@b.test\"},\"outcome\":{\"result\":\"SUCCESS\"}}]}}",
                        NOW);

        assertThat(okta.edge(request)).isInstanceOf(EdgeOutcome.Accepted.class);
        assertThat(okta.items(request))
                .singleElement()
                .satisfies(
                        item ->
                                assertThat(item.output().toString())
                                        .isEqualTo(
                                                "{\"uuid\":\"u1\",\"eventType\":\"user.session.start\",\"published\":\"2024-05-01T09:59:00.000Z\","
                                                        + "\"actor\":\"a@b.test\",\"outcome\":\"SUCCESS\"}"));
    }

    @Test
    void asanaHandshakeEchoesTheHookSecretHeader() throws IOException {
        Hook asana = hook("asana.json", "resource", null, NOW);

        EdgeOutcome outcome =
                asana.edge(
                        request(
                                "POST",
                                "",
                                null,
                                "",
                                NOW,
                                "X-Hook-Secret",
                                "b537207f20cbfa02357cf448134da559"));

        assertThat(outcome).isInstanceOf(EdgeOutcome.Handshake.class);
        assertThat(outcome.answer())
                .isEqualTo(
                        new HttpAnswer(
                                200,
                                null,
                                List.of(
                                        Map.entry(
                                                "X-Hook-Secret",
                                                "b537207f20cbfa02357cf448134da559")),
                                new byte[0]));
    }

    @Test
    void asanaEventsBecomeOneBundleEach() throws IOException {
        Hook asana = hook("asana.json", "resource", null, NOW);
        WebhookRequest request =
                request(
                        "POST",
                        "",
                        "application/json",
                        "{\"events\":[{\"action\":\"changed\",\"resource\":{\"gid\":\"1\",\"resource_type\":\"task\"},\"user\":{\"gid\":\"9\"},"
                                + "\"created_at\":\"2024-05-01T09:00:00.000Z\"},{\"action\":\"added\",\"resource\":{\"gid\":\"2\",\"resource_type\":\"story\"}}]}",
                        NOW);

        assertThat(asana.items(request))
                .hasSize(2)
                .first()
                .satisfies(
                        item ->
                                assertThat(item.output().toString())
                                        .isEqualTo(
                                                "{\"action\":\"changed\",\"resource\":\"1\",\"resourceType\":\"task\",\"user\":\"9\",\"createdAt\":\"2024-05-01T09:00:00.000Z\"}"));
    }

    @Test
    void githubDeliveriesAreCheckedWithThePublishedVector() throws IOException {
        Hook github =
                hook(
                        "github.json",
                        "repository",
                        "{\"secret\": \"It's a Secret to Everybody\"}",
                        NOW);
        WebhookRequest good =
                request(
                        "POST",
                        "",
                        "application/json",
                        "Hello, World!",
                        NOW,
                        "X-GitHub-Event",
                        "push",
                        "X-GitHub-Delivery",
                        "72d3162e-cc78-11e3-81ab-4c9367dc0958",
                        "X-Hub-Signature-256",
                        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");

        // GitHub's vector signs a body that is not JSON although sent as JSON: accepted as text,
        // and flagged (E5)
        assertThat(github.edge(good))
                .isEqualTo(
                        new EdgeOutcome.Accepted(
                                HttpAnswer.accepted(),
                                java.util.Set.of(
                                        io.hookstream.webhook.request.RequestFlags
                                                .MALFORMED_JSON)));
        assertThat(github.dedupe(good))
                .isEqualTo(
                        new DedupeOutcome.Key(
                                "72d3162e-cc78-11e3-81ab-4c9367dc0958", Duration.ofHours(24)));
        assertThat(github.items(good))
                .singleElement()
                .satisfies(
                        item ->
                                assertThat(item.output().toString())
                                        .isEqualTo(
                                                "{\"event\":\"push\",\"delivery\":\"72d3162e-cc78-11e3-81ab-4c9367dc0958\",\"payload\":\"Hello, World!\"}"));

        EdgeOutcome bad =
                github.edge(
                        request(
                                "POST",
                                "",
                                "application/json",
                                "Hello, World!",
                                NOW,
                                "X-Hub-Signature-256",
                                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18"));
        assertThat(bad).isInstanceOf(EdgeOutcome.Rejected.class);
        assertThat(bad.answer().status()).isEqualTo(401);
        assertThat(bad.answer().contentType()).isEqualTo("application/json");
    }

    @Test
    void githubPingIsAcceptedWithoutABundle() throws IOException {
        Hook github = hook("github.json", "repository", "{\"secret\": \"s\"}", NOW);
        String body = "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}";
        WebhookRequest ping =
                request(
                        "POST",
                        "",
                        "application/json",
                        body,
                        NOW,
                        "X-GitHub-Event",
                        "ping",
                        "X-Hub-Signature-256",
                        "sha256=" + hex(hmacSha256("s", body)));

        assertThat(github.edge(ping)).isInstanceOf(EdgeOutcome.Accepted.class);
        assertThat(github.process(ping)).isInstanceOf(ProcessingOutcome.Filtered.class);
        // without a delivery id there is nothing to recognise a retry by
        assertThat(github.dedupe(ping)).isEqualTo(new DedupeOutcome.None());
    }

    @Test
    void stripeEventsAreSignedTimestampedAndFresh() throws IOException {
        long sent = NOW.getEpochSecond() - 30;
        String secret = "whsec_example_stripe_signing_secret";
        Hook stripe = hook("stripe.json", "events", "{\"signingSecret\": \"" + secret + "\"}", NOW);
        String body =
                "{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"created\":"
                        + sent
                        + ",\"livemode\":false,"
                        + "\"data\":{\"object\":{\"id\":\"in_1\"}}}";
        String v1 = hex(hmacSha256(secret, sent + "." + body));

        WebhookRequest good =
                request(
                        "POST",
                        "",
                        "application/json",
                        body,
                        NOW,
                        "Stripe-Signature",
                        "t=" + sent + ",v1=" + v1);
        assertThat(stripe.edge(good)).isEqualTo(new EdgeOutcome.Accepted(HttpAnswer.accepted()));
        // Stripe retries an event with the same id
        assertThat(stripe.dedupe(good))
                .isEqualTo(new DedupeOutcome.Key("evt_1", Duration.ofHours(24)));
        assertThat(stripe.items(good))
                .singleElement()
                .satisfies(
                        item ->
                                assertThat(item.output().toString())
                                        .isEqualTo(
                                                "{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"created\":"
                                                        + sent
                                                        + ",\"livemode\":false,\"object\":{\"id\":\"in_1\"}}"));

        long stale = NOW.getEpochSecond() - 301;
        assertThat(
                        stripe.edge(
                                request(
                                        "POST",
                                        "",
                                        "application/json",
                                        body,
                                        NOW,
                                        "Stripe-Signature",
                                        "t="
                                                + stale
                                                + ",v1="
                                                + hex(hmacSha256(secret, stale + "." + body)))))
                .isInstanceOf(EdgeOutcome.Rejected.class);
        assertThat(
                        stripe.edge(
                                request(
                                        "POST",
                                        "",
                                        "application/json",
                                        body,
                                        NOW,
                                        "Stripe-Signature",
                                        "t=" + sent + ",v1=" + "0".repeat(64))))
                .isInstanceOf(EdgeOutcome.Rejected.class);
    }

    @Test
    void theAppsWhoseProviderSendsADeliveryIdDeduplicateByIt() throws IOException {
        Map<String, String> keys = new java.util.TreeMap<>();
        try (Stream<Path> listing = Files.list(examplesDir())) {
            for (Path file : listing.filter(p -> p.toString().endsWith(".json")).toList()) {
                AppDefinition app =
                        parser.parse(file.getFileName().toString(), Files.readString(file));
                app.webhooks()
                        .forEach(
                                (name, webhook) -> {
                                    if (webhook.spec().dedupe() != null) {
                                        keys.put(
                                                file.getFileName() + " " + name,
                                                webhook.spec().source().path("dedupe").asString());
                                    }
                                });
            }
        }

        // the other providers of examples/apps send no delivery id to recognise a retry by
        assertThat(keys)
                .isEqualTo(
                        Map.of(
                                "github.json repository", "{{headers.`X-GitHub-Delivery`}}",
                                "stripe.json events", "{{body.id}}",
                                "slack.json events", "{{body.event_id}}",
                                "shopify.json orders", "{{headers.`X-Shopify-Webhook-Id`}}",
                                "standard-webhooks.json events", "{{headers.`webhook-id`}}"));
    }

    @Test
    void shopifyDeliveriesAreSignedWithTheAppsSecretAndDeduplicatedByTheirWebhookId()
            throws IOException {
        Hook shopify = hook("shopify.json", "orders", null, NOW);
        String body = "{\"id\":820982911946154508,\"email\":\"jon@example.com\"}";
        String hmac =
                java.util.Base64.getEncoder()
                        .encodeToString(hmacSha256("shopify-example-client-secret", body));
        WebhookRequest good =
                request(
                        "POST",
                        "",
                        "application/json",
                        body,
                        NOW,
                        "X-Shopify-Topic",
                        "orders/create",
                        "X-Shopify-Shop-Domain",
                        "example.myshopify.com",
                        "X-Shopify-Webhook-Id",
                        "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
                        "X-Shopify-Hmac-Sha256",
                        hmac);

        assertThat(shopify.edge(good)).isEqualTo(new EdgeOutcome.Accepted(HttpAnswer.accepted()));
        // Shopify retries a delivery with the same webhook id
        assertThat(shopify.dedupe(good))
                .isEqualTo(
                        new DedupeOutcome.Key(
                                "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", Duration.ofHours(24)));
        assertThat(shopify.items(good))
                .singleElement()
                .satisfies(
                        item ->
                                assertThat(item.output().path("topic").asString())
                                        .isEqualTo("orders/create"));
        assertThat(
                        shopify.edge(
                                request(
                                        "POST",
                                        "",
                                        "application/json",
                                        body.replace("jon", "eve"),
                                        NOW,
                                        "X-Shopify-Webhook-Id",
                                        "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
                                        "X-Shopify-Hmac-Sha256",
                                        hmac)))
                .as("a body changed after signing")
                .isInstanceOf(EdgeOutcome.Rejected.class);
    }

    @Test
    void standardWebhooksDeliveriesAreCheckedWithThePublishedVectorAndDeduplicatedByTheirId()
            throws IOException {
        Instant sent = Instant.ofEpochSecond(1614265330);
        Hook standard =
                hook(
                        "standard-webhooks.json",
                        "events",
                        "{\"signingSecret\": \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}",
                        sent.plusSeconds(5));
        WebhookRequest good =
                request(
                        "POST",
                        "",
                        "application/json",
                        "{\"test\": 2432232314}",
                        sent.plusSeconds(5),
                        "webhook-id",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        "webhook-timestamp",
                        "1614265330",
                        "webhook-signature",
                        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

        assertThat(standard.edge(good)).isEqualTo(new EdgeOutcome.Accepted(HttpAnswer.accepted()));
        assertThat(standard.dedupe(good))
                .isEqualTo(
                        new DedupeOutcome.Key(
                                "msg_p5jXN8AQM9LWM0D4loKWxJek", Duration.ofHours(24)));
        assertThat(standard.items(good))
                .singleElement()
                .satisfies(
                        item ->
                                assertThat(item.output().toString())
                                        .isEqualTo(
                                                "{\"id\":\"msg_p5jXN8AQM9LWM0D4loKWxJek\","
                                                        + "\"timestamp\":\"1614265330\","
                                                        + "\"payload\":{\"test\":2432232314}}"));
        Hook late =
                hook(
                        "standard-webhooks.json",
                        "events",
                        "{\"signingSecret\": \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}",
                        sent.plusSeconds(301));
        assertThat(late.edge(good))
                .as("older than the tolerance")
                .isInstanceOf(EdgeOutcome.Rejected.class);
    }

    private static String slackSignature(String timestamp, String body) {
        return "v0="
                + hex(
                        hmacSha256(
                                "8f742231b10e8888abcd99yyyzzz85a5",
                                "v0:" + timestamp + ":" + body));
    }

    /** One hook of an example app with a fixed clock. */
    private record Hook(WebhookDefinition definition, HookScope scope, WebhookProcessor processor) {

        EdgeOutcome edge(WebhookRequest request) {
            return processor.atEdge(definition.spec(), scope, request);
        }

        DedupeOutcome dedupe(WebhookRequest request) {
            return processor.dedupe(definition.spec(), scope, request);
        }

        ProcessingOutcome process(WebhookRequest request) {
            return processor.process(definition.spec(), definition.type(), scope, request);
        }

        List<Item> items(WebhookRequest request) {
            ProcessingOutcome outcome = process(request);
            assertThat(outcome).isInstanceOf(ProcessingOutcome.Items.class);
            return ((ProcessingOutcome.Items) outcome).items();
        }
    }

    private Hook hook(String file, String webhook, @Nullable String parameters, Instant now)
            throws IOException {
        AppDefinition app = parser.parse(file, Files.readString(examplesDir().resolve(file)));
        HookScope scope =
                HookScope.of(app, parameters == null ? null : json(parameters), null, null);
        return new Hook(
                app.webhook(webhook),
                scope,
                new WebhookProcessor(IML, Clock.fixed(now, ZoneOffset.UTC)));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static Path examplesDir() {
        for (Path candidate :
                List.of(Path.of("..", "examples", "apps"), Path.of("examples", "apps"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "examples/apps not found from " + Path.of("").toAbsolutePath());
    }
}
