package io.hookstream.webhook.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.Iml;
import io.hookstream.webhook.request.Headers;
import io.hookstream.webhook.request.WebhookRequest;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.hookstream.webhook.spec.WebhookSpec;
import io.hookstream.webhook.spec.WebhookType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WebhookProcessorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    private final AppDefinitionParser parser = new AppDefinitionParser(Iml.standard());
    private final WebhookProcessor processor =
            new WebhookProcessor(Iml.standard(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Nested
    class Edge {

        @Test
        void withoutDirectivesTheRequestIsAcceptedWithTheDefaultAnswer() {
            EdgeOutcome outcome =
                    processor.atEdge(spec("{}"), HookScope.empty(), json("{\"a\":1}"));

            assertThat(outcome).isEqualTo(new EdgeOutcome.Accepted(HttpAnswer.accepted()));
            assertThat(outcome.answer().status()).isEqualTo(200);
            assertThat(outcome.answer().contentType()).isEqualTo("text/plain");
            assertThat(outcome.answer().bodyText()).isEqualTo("Accepted");
        }

        @Test
        void theDefaultAnswerIsConfigurable() {
            HttpAnswer custom = HttpAnswer.text(202, "queued");
            WebhookProcessor configured =
                    new WebhookProcessor(
                            Iml.standard(),
                            Clock.fixed(NOW, ZoneOffset.UTC),
                            new io.hookstream.webhook.request.RequestParser(),
                            custom);

            assertThat(configured.atEdge(spec("{}"), HookScope.empty(), json("{}")).answer())
                    .isEqualTo(custom);
        }

        @Test
        void signatureIsCheckedBeforeVerification() {
            WebhookSpec spec =
                    spec(
                            """
          {"signature": {"scheme": "github", "secret": "{{parameters.secret}}"},
           "verification": {"condition": true, "respond": {"type": "text", "body": "handshake"}}}
          """);
            HookScope scope =
                    HookScope.of(
                            JSON.readTree("{\"secret\": \"It's a Secret to Everybody\"}"),
                            null,
                            null,
                            null,
                            ZoneOffset.UTC);

            EdgeOutcome rejected =
                    processor.atEdge(
                            spec,
                            scope,
                            request(
                                    "POST",
                                    "text/plain",
                                    "Hello, World!",
                                    "",
                                    "X-Hub-Signature-256",
                                    "sha256=" + "0".repeat(64)));
            assertThat(rejected)
                    .isInstanceOfSatisfying(
                            EdgeOutcome.Rejected.class,
                            r -> {
                                assertThat(r.reason()).isEqualTo("signature mismatch");
                                assertThat(r.answer().status()).isEqualTo(401);
                                assertThat(r.answer().contentType()).isEqualTo("application/json");
                                assertThat(r.answer().bodyText())
                                        .contains("invalid_signature")
                                        .doesNotContain("Secret");
                            });

            EdgeOutcome handshake =
                    processor.atEdge(
                            spec,
                            scope,
                            request(
                                    "POST",
                                    "text/plain",
                                    "Hello, World!",
                                    "",
                                    "X-Hub-Signature-256",
                                    "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));
            assertThat(handshake).isInstanceOf(EdgeOutcome.Handshake.class);
            assertThat(handshake.answer().bodyText()).isEqualTo("handshake");
        }

        @Test
        void anEmptySecretFailsInsteadOfPassing() {
            WebhookSpec spec =
                    spec(
                            "{\"signature\": {\"scheme\": \"github\", \"secret\": \"{{parameters.missing}}\"}}");

            EdgeOutcome outcome =
                    processor.atEdge(
                            spec,
                            HookScope.empty(),
                            request(
                                    "POST",
                                    "text/plain",
                                    "x",
                                    "",
                                    "X-Hub-Signature-256",
                                    "sha256=00"));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            EdgeOutcome.Failed.class,
                            failed -> {
                                assertThat(failed.directivePath()).isEqualTo("signature.secret");
                                assertThat(failed.code()).isEqualTo("WEBHOOK-SIGNATURE");
                                assertThat(failed.answer().status()).isEqualTo(500);
                            });
        }

        @Test
        void aSignatureConditionSkipsTheCheckOnlyWhereItIsFalse() {
            WebhookSpec spec =
                    spec(
                            """
          {"signature": {"scheme": "github", "secret": "s", "condition": "{{method = 'POST'}}"},
           "verification": {"condition": "{{method = 'GET'}}", "respond": {"type": "text", "body": "{{query.c}}"}}}
          """);

            assertThat(processor.atEdge(spec, HookScope.empty(), request("GET", null, "", "c=1")))
                    .isInstanceOf(EdgeOutcome.Handshake.class);
            assertThat(processor.atEdge(spec, HookScope.empty(), json("{}")))
                    .isInstanceOf(EdgeOutcome.Rejected.class);
        }

        @Test
        void genericHmacSignsTheEvaluatedPayload() throws Exception {
            WebhookSpec spec =
                    spec(
                            """
          {"signature": {"scheme": "hmac", "secret": "{{common.key}}", "header": "X-Sig", "algorithm": "sha256",
                         "encoding": "hex", "prefix": "v1=", "payload": "{{headers.`X-Ts`}}.{{rawBody}}"}}
          """);
            HookScope scope =
                    HookScope.of(
                            null, JSON.readTree("{\"key\": \"k\"}"), null, null, ZoneOffset.UTC);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("k".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature =
                    HexFormat.of()
                            .formatHex(
                                    mac.doFinal("123.{\"a\":1}".getBytes(StandardCharsets.UTF_8)));

            assertThat(
                            processor.atEdge(
                                    spec,
                                    scope,
                                    request(
                                            "POST",
                                            "application/json",
                                            "{\"a\":1}",
                                            "",
                                            "X-Ts",
                                            "123",
                                            "X-Sig",
                                            "v1=" + signature)))
                    .isInstanceOf(EdgeOutcome.Accepted.class);
            assertThat(
                            processor.atEdge(
                                    spec,
                                    scope,
                                    request(
                                            "POST",
                                            "application/json",
                                            "{\"a\":1}",
                                            "",
                                            "X-Ts",
                                            "124",
                                            "X-Sig",
                                            "v1=" + signature)))
                    .isInstanceOf(EdgeOutcome.Rejected.class);
        }

        @Test
        void verificationAnswersTheHandshakeAndOtherwiseTheRequestIsAccepted() {
            WebhookSpec spec =
                    spec(
                            """
          {"verification": {"condition": "{{query.challenge}}",
                            "respond": {"type": "text", "body": "{{query.challenge}}",
                                        "headers": {"X-Content-Type-Options": "nosniff"}}},
           "respond": {"status": 202, "body": {"ok": true}}}
          """);

            EdgeOutcome handshake =
                    processor.atEdge(
                            spec, HookScope.empty(), request("GET", null, "", "challenge=abc%20d"));
            assertThat(handshake).isInstanceOf(EdgeOutcome.Handshake.class);
            assertThat(handshake.answer().contentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(handshake.answer().header("x-content-type-options")).isEqualTo("nosniff");
            assertThat(handshake.answer().bodyText()).isEqualTo("abc d");

            EdgeOutcome accepted = processor.atEdge(spec, HookScope.empty(), json("{}"));
            assertThat(accepted).isInstanceOf(EdgeOutcome.Accepted.class);
            assertThat(accepted.answer().status()).isEqualTo(202);
            assertThat(accepted.answer().contentType()).isEqualTo("application/json");
            assertThat(accepted.answer().bodyText()).isEqualTo("{\"ok\":true}");
        }

        @Test
        void aHandshakeWithoutRespondGetsTheDefaultAnswer() {
            EdgeOutcome outcome =
                    processor.atEdge(
                            spec("{\"verification\": {\"condition\": true}}"),
                            HookScope.empty(),
                            json("{}"));

            assertThat(outcome).isEqualTo(new EdgeOutcome.Handshake(HttpAnswer.accepted()));
        }

        @Test
        void aRespondWithoutBodySendsNoBodyAndNoContentType() {
            HttpAnswer answer =
                    processor
                            .atEdge(
                                    spec("{\"respond\": {\"status\": 204}}"),
                                    HookScope.empty(),
                                    json("{}"))
                            .answer();

            assertThat(answer.status()).isEqualTo(204);
            assertThat(answer.contentType()).isNull();
            assertThat(answer.body()).isEmpty();
        }

        @Test
        void customHeadersOverrideTheContentType() {
            HttpAnswer answer =
                    processor
                            .atEdge(
                                    spec(
                                            """
          {"respond": {"type": "text", "headers": {"Content-Type": "application/xml", "X-Id": "{{body.id}}"}, "body": "<ok/>"}}
          """),
                                    HookScope.empty(),
                                    json("{\"id\": 7}"))
                            .answer();

            assertThat(answer.contentType()).isEqualTo("application/xml");
            assertThat(answer.headers()).containsExactly(Map.entry("X-Id", "7"));
        }

        @Test
        void statusMayBeDigitsButNothingElse() {
            assertThat(
                            processor
                                    .atEdge(
                                            spec("{\"respond\": {\"status\": \"{{body.s}}\"}}"),
                                            HookScope.empty(),
                                            json("{\"s\": \"201\"}"))
                                    .answer()
                                    .status())
                    .isEqualTo(201);
            for (String bad : new String[] {"\"abc\"", "1000", "99", "200.5", "true"}) {
                EdgeOutcome outcome =
                        processor.atEdge(
                                spec("{\"respond\": {\"status\": \"{{body.s}}\"}}"),
                                HookScope.empty(),
                                json("{\"s\": " + bad + "}"));
                assertThat(outcome)
                        .as(bad)
                        .isInstanceOfSatisfying(
                                EdgeOutcome.Failed.class,
                                failed -> {
                                    assertThat(failed.directivePath()).isEqualTo("respond.status");
                                    assertThat(failed.code()).isEqualTo("WEBHOOK-RESPOND");
                                });
            }
        }

        @Test
        void headerValuesWithCrOrLfFailAndAreNeverSent() {
            EdgeOutcome outcome =
                    processor.atEdge(
                            spec("{\"respond\": {\"headers\": {\"X-Echo\": \"{{body.v}}\"}}}"),
                            HookScope.empty(),
                            json("{\"v\": \"a\\r\\nSet-Cookie: x=1\"}"));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            EdgeOutcome.Failed.class,
                            failed -> {
                                assertThat(failed.directivePath()).isEqualTo("respond.headers");
                                assertThat(failed.code()).isEqualTo("WEBHOOK-HEADER");
                                assertThat(failed.answer().status()).isEqualTo(500);
                                assertThat(failed.answer().contentType())
                                        .isEqualTo("application/json");
                                assertThat(failed.answer().bodyText())
                                        .contains("respond.headers")
                                        .doesNotContain("Set-Cookie");
                            });
        }

        @Test
        void anInvalidHeaderNameFails() {
            EdgeOutcome outcome =
                    processor.atEdge(
                            spec("{\"respond\": {\"headers\": {\"{{body.k}}\": \"v\"}}}"),
                            HookScope.empty(),
                            json("{\"k\": \"Bad Name\"}"));

            assertThat(outcome).isInstanceOf(EdgeOutcome.Failed.class);
        }

        @Test
        void anUnknownTypeFromImlFails() {
            EdgeOutcome outcome =
                    processor.atEdge(
                            spec("{\"respond\": {\"type\": \"{{body.t}}\", \"body\": 1}}"),
                            HookScope.empty(),
                            json("{\"t\": \"xml\"}"));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            EdgeOutcome.Failed.class,
                            failed -> assertThat(failed.directivePath()).isEqualTo("respond.type"));
        }

        @Test
        void anImlErrorWhileAnsweringIsA500NamingTheDirective() {
            EdgeOutcome outcome =
                    processor.atEdge(
                            spec("{\"respond\": {\"body\": {\"q\": \"{{body.a / 0}}\"}}}"),
                            HookScope.empty(),
                            json("{\"a\": 1}"));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            EdgeOutcome.Failed.class,
                            failed -> {
                                assertThat(failed.directivePath()).isEqualTo("respond.body.q");
                                assertThat(failed.code()).startsWith("IML-");
                                assertThat(failed.answer().status()).isEqualTo(500);
                            });
        }
    }

    @Nested
    class Processing {

        @Test
        void withoutDirectivesTheBodyIsTheOnlyBundle() {
            assertThat(
                            outputs(
                                    processor.process(
                                            spec("{}"),
                                            WebhookType.DEDICATED,
                                            HookScope.empty(),
                                            json("{\"a\":1}"))))
                    .containsExactly("{\"a\":1}");
        }

        @Test
        void aFalseConditionFiltersTheRequest() {
            WebhookSpec spec = spec("{\"condition\": \"{{body.kind = 'ping'}}\"}");

            assertThat(
                            processor.process(
                                    spec,
                                    WebhookType.DEDICATED,
                                    HookScope.empty(),
                                    json("{\"kind\":\"pong\"}")))
                    .isEqualTo(new ProcessingOutcome.Filtered("condition"));
            assertThat(
                            outputs(
                                    processor.process(
                                            spec,
                                            WebhookType.DEDICATED,
                                            HookScope.empty(),
                                            json("{\"kind\":\"ping\"}"))))
                    .hasSize(1);
        }

        @Test
        void theConditionDefaultAppliesOnlyToUndefined() {
            WebhookSpec spec =
                    spec("{\"condition\": {\"condition\": \"{{body.live}}\", \"default\": true}}");

            assertThat(
                            processor.process(
                                    spec, WebhookType.DEDICATED, HookScope.empty(), json("{}")))
                    .isInstanceOf(ProcessingOutcome.Items.class);
            assertThat(
                            processor.process(
                                    spec,
                                    WebhookType.DEDICATED,
                                    HookScope.empty(),
                                    json("{\"live\": false}")))
                    .isInstanceOf(ProcessingOutcome.Filtered.class);
        }

        @Test
        void iterateKeepsItemsByConditionAndIndexesThemAmongTheKeptOnes() {
            WebhookSpec spec =
                    spec(
                            """
          {"iterate": {"container": "{{body.events}}", "condition": "{{item.keep}}"},
           "output": "{{if(item.id = 3, null, item.id)}}"}
          """);

            ProcessingOutcome outcome =
                    processor.process(
                            spec,
                            WebhookType.DEDICATED,
                            HookScope.empty(),
                            json(
                                    "{\"events\": [{\"id\":1,\"keep\":true},{\"id\":2,\"keep\":false},{\"id\":3,\"keep\":true},{\"id\":4,\"keep\":true}]}"));

            assertThat(((ProcessingOutcome.Items) outcome).items())
                    .extracting(Item::index, item -> item.output().asInt())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(0, 1),
                            org.assertj.core.groups.Tuple.tuple(2, 4));
        }

        @Test
        void bracelessIterateIsOneExpression() {
            assertThat(
                            outputs(
                                    processor.process(
                                            spec("{\"iterate\": \"body.data\"}"),
                                            WebhookType.DEDICATED,
                                            HookScope.empty(),
                                            json("{\"data\": [1, 2]}"))))
                    .containsExactly("1", "2");
        }

        @Test
        void aMissingOrNullContainerIsNoItems() {
            WebhookSpec spec = spec("{\"iterate\": \"{{body.data}}\"}");

            assertThat(
                            outputs(
                                    processor.process(
                                            spec,
                                            WebhookType.DEDICATED,
                                            HookScope.empty(),
                                            json("{}"))))
                    .isEmpty();
            assertThat(
                            outputs(
                                    processor.process(
                                            spec,
                                            WebhookType.DEDICATED,
                                            HookScope.empty(),
                                            json("{\"data\": null}"))))
                    .isEmpty();
        }

        @Test
        void aContainerThatIsNotAnArrayFailsAtTheDirective() {
            ProcessingOutcome outcome =
                    processor.process(
                            spec("{\"iterate\": {\"container\": \"{{body.data}}\"}}"),
                            WebhookType.DEDICATED,
                            HookScope.empty(),
                            json("{\"data\": {\"a\": 1}}"));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            ProcessingOutcome.Failed.class,
                            failed -> {
                                assertThat(failed.directivePath()).isEqualTo("iterate.container");
                                assertThat(failed.code()).isEqualTo("WEBHOOK-ITERATE");
                                assertThat(failed.message()).contains("an object");
                            });
        }

        @Test
        void aNullOrUndefinedOutputIsNoBundle() {
            assertThat(
                            outputs(
                                    processor.process(
                                            spec("{\"output\": \"{{body.missing}}\"}"),
                                            WebhookType.DEDICATED,
                                            HookScope.empty(),
                                            json("{}"))))
                    .isEmpty();
            assertThat(
                            outputs(
                                    processor.process(
                                            spec("{\"output\": null}"),
                                            WebhookType.DEDICATED,
                                            HookScope.empty(),
                                            json("{}"))))
                    .isEmpty();
            assertThat(
                            outputs(
                                    processor.process(
                                            spec("{}"),
                                            WebhookType.DEDICATED,
                                            HookScope.empty(),
                                            request("POST", "application/json", "", ""))))
                    .isEmpty();
        }

        @Test
        void anEvaluationErrorFailsWithThePathOfTheTemplate() {
            ProcessingOutcome outcome =
                    processor.process(
                            spec("{\"output\": {\"ok\": 1, \"id\": \"{{body.a / 0}}\"}}"),
                            WebhookType.DEDICATED,
                            HookScope.empty(),
                            json("{\"a\": 1}"));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            ProcessingOutcome.Failed.class,
                            failed -> {
                                assertThat(failed.directivePath()).isEqualTo("output.id");
                                assertThat(failed.code()).startsWith("IML-");
                                assertThat(failed.message()).isNotBlank();
                            });
        }

        @Test
        void sharedWebhooksEvaluateTheUidPerItemAsText() {
            WebhookSpec spec =
                    spec(
                            "{\"iterate\": \"{{body.events}}\", \"uid\": \"{{item.team}}\", \"output\": \"{{item.n}}\"}");
            WebhookRequest request =
                    json(
                            "{\"events\": [{\"team\": 42, \"n\": 1}, {\"team\": \"T9\", \"n\": 2}, {\"n\": 3}]}");

            List<Item> shared =
                    ((ProcessingOutcome.Items)
                                    processor.process(
                                            spec, WebhookType.SHARED, HookScope.empty(), request))
                            .items();
            assertThat(shared).extracting(Item::uid).containsExactly("42", "T9", null);

            List<Item> dedicated =
                    ((ProcessingOutcome.Items)
                                    processor.process(
                                            spec,
                                            WebhookType.DEDICATED,
                                            HookScope.empty(),
                                            request))
                            .items();
            assertThat(dedicated).extracting(Item::uid).containsOnlyNulls();
        }

        @Test
        void everyVariableIsBound() {
            WebhookSpec spec =
                    spec(
                            """
          {"output": {"now": "{{now}}", "tz": "{{environment.timezone}}", "p": "{{parameters.p}}", "d": "{{data.p}}",
                      "c": "{{common.c}}", "conn": "{{connection.k}}", "w": "{{webhook.w}}", "m": "{{method}}",
                      "q": "{{query.q}}", "h": "{{headers.`X-Kind`}}", "raw": "{{rawBody}}", "b": "{{body.b}}"}}
          """);
            HookScope scope =
                    HookScope.of(
                            JSON.readTree("{\"p\": 1}"),
                            JSON.readTree("{\"c\": 2}"),
                            JSON.readTree("{\"k\": 3}"),
                            JSON.readTree("{\"w\": 4}"),
                            ZoneId.of("Europe/Prague"));

            ProcessingOutcome outcome =
                    processor.process(
                            spec,
                            WebhookType.DEDICATED,
                            scope,
                            request(
                                    "PUT",
                                    "application/json",
                                    "{\"b\":5}",
                                    "q=6",
                                    "x-kind",
                                    "seven"));

            assertThat(outputs(outcome))
                    .containsExactly(
                            "{\"now\":\"2024-03-01T12:00:00.000Z\",\"tz\":\"Europe/Prague\",\"p\":1,"
                                    + "\"d\":1,\"c\":2,\"conn\":3,\"w\":4,\"m\":\"PUT\",\"q\":\"6\",\"h\":\"seven\",\"raw\":\"{\\\"b\\\":5}\",\"b\":5}");
        }

        @Test
        void malformedJsonIsProcessedAsText() {
            assertThat(
                            outputs(
                                    processor.process(
                                            spec("{\"output\": {\"t\": \"{{body}}\"}}"),
                                            WebhookType.DEDICATED,
                                            HookScope.empty(),
                                            request("POST", "application/json", "{\"a\":", ""))))
                    .containsExactly("{\"t\":\"{\\\"a\\\":\"}");
        }
    }

    @Nested
    class Dedupe {

        @Test
        void withoutTheDirectiveNoEventIsDeduplicated() {
            assertThat(processor.dedupe(spec("{}"), HookScope.empty(), json("{\"id\": 1}")))
                    .isEqualTo(new DedupeOutcome.None());
        }

        @Test
        void theKeyIsEvaluatedAsTextWithTheDefaultWindow() {
            WebhookSpec spec = spec("{\"dedupe\": \"{{body.id}}\"}");

            assertThat(processor.dedupe(spec, HookScope.empty(), json("{\"id\": \"evt_1\"}")))
                    .isEqualTo(new DedupeOutcome.Key("evt_1", Duration.ofHours(24)));
            assertThat(processor.dedupe(spec, HookScope.empty(), json("{\"id\": 42}")))
                    .isEqualTo(new DedupeOutcome.Key("42", Duration.ofHours(24)));
        }

        @Test
        void theObjectFormCarriesItsWindow() {
            WebhookSpec spec = spec("{\"dedupe\": {\"key\": \"{{body.id}}\", \"window\": 3600}}");

            assertThat(processor.dedupe(spec, HookScope.empty(), json("{\"id\": \"a\"}")))
                    .isEqualTo(new DedupeOutcome.Key("a", Duration.ofHours(1)));
        }

        @Test
        void theKeySeesHeadersQueryMethodParametersAndConnection() {
            WebhookSpec spec =
                    spec(
                            """
          {"dedupe": "{{method}}:{{headers.`x-delivery`}}:{{query.q}}:{{parameters.p}}:{{connection.k}}:{{common.c}}"}
          """);
            HookScope scope =
                    HookScope.of(
                            JSON.readTree("{\"p\": 1}"),
                            JSON.readTree("{\"c\": 2}"),
                            JSON.readTree("{\"k\": 3}"),
                            null,
                            ZoneOffset.UTC);

            assertThat(
                            processor.dedupe(
                                    spec,
                                    scope,
                                    request(
                                            "PUT",
                                            "application/json",
                                            "{}",
                                            "q=6",
                                            "X-Delivery",
                                            "d-7")))
                    .isEqualTo(new DedupeOutcome.Key("PUT:d-7:6:1:3:2", Duration.ofHours(24)));
        }

        @Test
        void anEmptyNullOrUndefinedKeyMeansNoDedupeForThatEvent() {
            WebhookSpec spec = spec("{\"dedupe\": \"{{body.id}}\"}");

            for (String body : List.of("{}", "{\"id\": null}", "{\"id\": \"\"}")) {
                assertThat(processor.dedupe(spec, HookScope.empty(), json(body)))
                        .as(body)
                        .isEqualTo(new DedupeOutcome.None());
            }
            assertThat(
                            processor.dedupe(
                                    spec,
                                    HookScope.empty(),
                                    request("POST", "application/json", "", "")))
                    .isEqualTo(new DedupeOutcome.None());
        }

        @Test
        void anEvaluationErrorFailsAtTheDirective() {
            DedupeOutcome string =
                    processor.dedupe(
                            spec("{\"dedupe\": \"{{body.a / 0}}\"}"),
                            HookScope.empty(),
                            json("{\"a\": 1}"));
            DedupeOutcome object =
                    processor.dedupe(
                            spec("{\"dedupe\": {\"key\": \"{{body.a / 0}}\"}}"),
                            HookScope.empty(),
                            json("{\"a\": 1}"));

            assertThat(string)
                    .isInstanceOfSatisfying(
                            DedupeOutcome.Failed.class,
                            failed -> {
                                assertThat(failed.directivePath()).isEqualTo("dedupe");
                                assertThat(failed.code()).startsWith("IML-");
                                assertThat(failed.message()).isNotBlank();
                            });
            assertThat(object)
                    .isInstanceOfSatisfying(
                            DedupeOutcome.Failed.class,
                            failed -> assertThat(failed.directivePath()).isEqualTo("dedupe.key"));
        }

        @Test
        void theKeyDoesNotChangeWhatProcessingProduces() {
            WebhookSpec spec = spec("{\"dedupe\": \"{{body.id}}\", \"output\": \"{{body.n}}\"}");

            assertThat(
                            outputs(
                                    processor.process(
                                            spec,
                                            WebhookType.DEDICATED,
                                            HookScope.empty(),
                                            json("{\"id\": \"x\", \"n\": 5}"))))
                    .containsExactly("5");
        }
    }

    private WebhookSpec spec(String directives) {
        return parser.parseWebhookSpec(JSON.readTree(directives), "");
    }

    private static List<String> outputs(ProcessingOutcome outcome) {
        assertThat(outcome).isInstanceOf(ProcessingOutcome.Items.class);
        return ((ProcessingOutcome.Items) outcome)
                .items().stream().map(item -> item.output().toString()).toList();
    }

    private static WebhookRequest json(String body) {
        return request("POST", "application/json", body, "");
    }

    static WebhookRequest request(
            String method, String contentType, String body, String query, String... headerPairs) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (contentType != null) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(Map.entry(headerPairs[i], headerPairs[i + 1]));
        }
        return new WebhookRequest(
                method,
                "/hooks/h",
                Headers.of(headers),
                query,
                contentType,
                body.getBytes(StandardCharsets.UTF_8),
                NOW);
    }
}
