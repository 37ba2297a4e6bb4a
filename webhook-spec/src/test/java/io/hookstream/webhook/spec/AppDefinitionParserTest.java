package io.hookstream.webhook.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookstream.iml.Iml;
import io.hookstream.webhook.signature.HeaderHmac;
import io.hookstream.webhook.signature.HmacAlgorithm;
import io.hookstream.webhook.signature.SignatureEncoding;
import io.hookstream.webhook.signature.StripeSignature;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AppDefinitionParserTest {

    private final AppDefinitionParser parser = new AppDefinitionParser(Iml.standard());

    private static final String APP =
            """
      {
        "name": "Acme",
        "timezone": "Europe/Prague",
        "common": {"signingSecret": "s3cret"},
        "connection": {
          "info": {
            "url": "https://api.acme.test/me", "method": "GET",
            "headers": {"Authorization": "Bearer {{connection.accessToken}}"},
            "response": {"uid": "{{body.id}}", "valid": "{{body.ok}}",
                         "metadata": {"type": "text", "value": "{{body.name}}"}}
          },
          "log": {"sanitize": ["request.headers.authorization"]}
        },
        "webhooks": {
          "orders": {
            "type": "dedicated",
            "spec": {
              "signature": {"scheme": "stripe", "secret": "{{common.signingSecret}}", "tolerance": 600},
              "verification": {"condition": "{{body.type == 'ping'}}", "respond": {"type": "text", "body": "pong"}},
              "respond": {"status": 202, "type": "json", "headers": {"X-A": "b"}, "body": {"ok": true}},
              "condition": {"condition": "{{body.live}}", "default": true},
              "iterate": {"container": "{{body.items}}", "condition": "{{item.n > 0}}"},
              "output": {"n": "{{item.n}}"}
            },
            "attach": {"url": "https://api.acme.test/hooks", "method": "POST", "body": {"url": "{{webhook.url}}"},
                       "response": {"data": {"externalHookId": "{{body.id}}"}}},
            "detach": {"url": "https://api.acme.test/hooks/{{webhook.externalHookId}}", "method": "DELETE"}
          },
          "events": {"type": "shared", "spec": {"uid": "{{body.user}}", "iterate": "body.events"}}
        }
      }
      """;

    @Test
    void parsesACompleteApp() {
        AppDefinition app = parser.parse("acme", APP);

        assertThat(app.appId()).isEqualTo("acme");
        assertThat(app.name()).isEqualTo("Acme");
        assertThat(app.timezone()).isEqualTo(ZoneId.of("Europe/Prague"));
        assertThat(app.common().get("signingSecret").stringValue()).isEqualTo("s3cret");
        assertThat(app.webhooks().keySet()).containsExactly("orders", "events");
        assertThat(app.warnings()).isEmpty();

        WebhookDefinition orders = app.webhook("orders");
        assertThat(orders.type()).isEqualTo(WebhookType.DEDICATED);
        WebhookSpec spec = orders.spec();
        assertThat(spec.signature().check())
                .isEqualTo(new StripeSignature("Stripe-Signature", Duration.ofSeconds(600)));
        assertThat(spec.signature().secret().path()).isEqualTo("signature.secret");
        assertThat(spec.verification().condition().test().path())
                .isEqualTo("verification.condition");
        assertThat(spec.verification().respond().body().path())
                .isEqualTo("verification.respond.body");
        assertThat(spec.respond().status().path()).isEqualTo("respond.status");
        assertThat(spec.condition().whenUndefined()).isTrue();
        assertThat(spec.iterate().container().path()).isEqualTo("iterate.container");
        assertThat(spec.iterate().condition().test().path()).isEqualTo("iterate.condition");
        assertThat(spec.output().path()).isEqualTo("output");
        assertThat(spec.uid()).isNull();
        assertThat(orders.attach().get(0).response().data().path()).isEqualTo("response.data");
        assertThat(orders.detach().get(0).method().path()).isEqualTo("method");

        assertThat(app.webhook("events").type()).isEqualTo(WebhookType.SHARED);
        assertThat(app.webhook("events").spec().iterate().container().path()).isEqualTo("iterate");

        ConnectionDefinition connection = app.connection();
        assertThat(connection.logSanitize()).containsExactly("request.headers.authorization");
        assertThat(connection.info().response().uid().path()).isEqualTo("response.uid");
        assertThat(connection.info().response().metadata().type()).isEqualTo("text");
    }

    @Test
    void defaultsForAMinimalApp() {
        AppDefinition app = parser.parse("min", "{\"webhooks\": {\"w\": {}}}");

        assertThat(app.timezone()).isEqualTo(ZoneOffset.UTC);
        assertThat(app.common().isObject()).isTrue();
        assertThat(app.common().size()).isZero();
        assertThat(app.connection()).isNull();
        assertThat(app.webhook("w").type()).isEqualTo(WebhookType.DEDICATED);
        assertThat(app.webhook("w").spec().output()).isNull();
    }

    @Test
    void aWebhookMayNameTheCloudEventsTypeOfItsBundles() {
        AppDefinition app =
                parser.parse(
                        "t",
                        "{\"webhooks\": {\"w\": {\"eventType\": \"com.example.order.created\"}, \"v\": {}}}");

        assertThat(app.webhook("w").eventType()).isEqualTo("com.example.order.created");
        assertThat(app.webhook("v").eventType()).isNull();
        assertThat(app.warnings()).isEmpty();
        for (String bad :
                new String[] {"\"\"", "\"with space\"", "42", "\"" + "x".repeat(257) + "\""}) {
            assertThatThrownBy(
                            () ->
                                    parser.parse(
                                            "t",
                                            "{\"webhooks\": {\"w\": {\"eventType\": "
                                                    + bad
                                                    + "}}}"))
                    .isInstanceOfSatisfying(
                            SpecException.class,
                            e ->
                                    assertThat(e.problems())
                                            .extracting(SpecProblem::path)
                                            .containsExactly("webhooks.w.eventType"));
        }
    }

    @Test
    void appLimitsOverrideTheDeploymentDefaultsOnlyWhereGiven() {
        AppDefinition none = parser.parse("a", "{\"webhooks\": {\"w\": {}}}");
        assertThat(none.limits()).isEqualTo(AppLimits.DEFAULTS);

        AppDefinition both =
                parser.parse(
                        "b",
                        """
        {"limits": {"maxBodyBytes": 1024, "rateLimit": {"requests": 5, "periodSeconds": 60}}, "webhooks": {"w": {}}}""");
        assertThat(both.limits())
                .isEqualTo(
                        new AppLimits(
                                1024L,
                                new AppLimits.RateLimit(5, java.time.Duration.ofMinutes(1))));

        AppDefinition bodyOnly =
                parser.parse(
                        "c", "{\"limits\": {\"maxBodyBytes\": 10}, \"webhooks\": {\"w\": {}}}");
        assertThat(bodyOnly.limits().rateLimit()).isNull();
    }

    @Test
    void invalidLimitsAreProblemsWithTheirPaths() {
        assertThatThrownBy(
                        () ->
                                parser.parse(
                                        "x",
                                        """
        {"limits": {"maxBodyBytes": -1, "rateLimit": {"requests": 1.5}, "burst": 3}, "webhooks": {"w": {}}}"""))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(SpecProblem::path)
                                        .contains(
                                                "limits.maxBodyBytes",
                                                "limits.rateLimit.requests",
                                                "limits.rateLimit.periodSeconds",
                                                "limits.burst"));
    }

    @Test
    void jsonSyntaxErrorsCarryTheTokenPosition() {
        assertThatThrownBy(
                        () -> parser.parse("x", "{\n  \"webhooks\": {\n    \"w\": [1,,]\n  }\n}"))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e -> {
                            SpecProblem problem = e.problems().get(0);
                            assertThat(problem.code()).isEqualTo(ProblemCodes.JSON_SYNTAX);
                            assertThat(problem.line()).isEqualTo(3);
                            assertThat(problem.column()).isGreaterThan(1);
                        });
    }

    @Test
    void duplicateKeysAreSyntaxErrors() {
        assertThatThrownBy(() -> parser.parse("x", "{\"name\": \"a\", \"name\": \"b\"}"))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e ->
                                assertThat(e.problems().get(0).code())
                                        .isEqualTo(ProblemCodes.JSON_SYNTAX));
    }

    @Test
    void imlErrorsCarryTheDirectivePathAndThePositionInsideTheString() {
        String app =
                """
        {"webhooks": {"orders": {"spec": {"output": {"id": "{{body.id}}", "total": "x {{body.a +}} y"}}}}}
        """;

        assertThatThrownBy(() -> parser.parse("x", app))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e -> {
                            assertThat(e.problems())
                                    .singleElement()
                                    .satisfies(
                                            problem -> {
                                                assertThat(problem.path())
                                                        .isEqualTo(
                                                                "webhooks.orders.spec.output.total");
                                                assertThat(problem.code()).startsWith("IML-P");
                                                assertThat(problem.line()).isEqualTo(1);
                                                assertThat(problem.column()).isGreaterThan(5);
                                            });
                        });
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String app =
                """
        {"timezone": "Mars/Base",
         "webhooks": {"w": {"type": "sometimes", "spec": {
            "conditon": true,
            "respond": {"type": "xml", "status": 42},
            "iterate": {"condition": "{{true}}"},
            "signature": {"scheme": "acme", "secret": "x"}}}}}
        """;

        assertThatThrownBy(() -> parser.parse("x", app))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(SpecProblem::path, SpecProblem::code)
                                        .containsExactlyInAnyOrder(
                                                org.assertj.core.groups.Tuple.tuple(
                                                        "timezone", ProblemCodes.INVALID_VALUE),
                                                org.assertj.core.groups.Tuple.tuple(
                                                        "webhooks.w.type",
                                                        ProblemCodes.INVALID_VALUE),
                                                org.assertj.core.groups.Tuple.tuple(
                                                        "webhooks.w.spec.conditon",
                                                        ProblemCodes.UNKNOWN_FIELD),
                                                org.assertj.core.groups.Tuple.tuple(
                                                        "webhooks.w.spec.respond.type",
                                                        ProblemCodes.INVALID_VALUE),
                                                org.assertj.core.groups.Tuple.tuple(
                                                        "webhooks.w.spec.respond.status",
                                                        ProblemCodes.INVALID_VALUE),
                                                org.assertj.core.groups.Tuple.tuple(
                                                        "webhooks.w.spec.iterate.container",
                                                        ProblemCodes.MISSING),
                                                org.assertj.core.groups.Tuple.tuple(
                                                        "webhooks.w.spec.signature.scheme",
                                                        ProblemCodes.INVALID_VALUE)));
    }

    @Test
    void verificationWithoutConditionIsAcceptedWithAWarning() {
        AppDefinition app =
                parser.parse(
                        "x",
                        "{\"webhooks\": {\"w\": {\"spec\": {\"verification\": {\"respond\": {\"body\": \"ok\"}}}}}}");

        assertThat(app.warnings())
                .singleElement()
                .satisfies(
                        warning -> {
                            assertThat(warning.path()).isEqualTo("webhooks.w.spec.verification");
                            assertThat(warning.message()).contains("D3");
                        });
        assertThat(app.webhook("w").spec().warnings()).hasSize(1);
        assertThat(app.webhook("w").spec().verification().condition()).isNull();
    }

    @Test
    void unknownTopLevelFieldsAreOnlyWarnings() {
        AppDefinition app = parser.parse("x", "{\"description\": \"d\", \"webhooks\": {}}");

        assertThat(app.warnings()).extracting(SpecWarning::path).containsExactly("description");
    }

    @Test
    void aSharedWebhookNeedsAUidAndAConnectionUid() {
        assertThatThrownBy(
                        () ->
                                parser.parse(
                                        "x",
                                        "{\"webhooks\": {\"s\": {\"type\": \"shared\", \"spec\": {}}}}"))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(SpecProblem::path)
                                        .containsExactlyInAnyOrder(
                                                "webhooks.s.spec.uid", "webhooks.s.type"));

        String withoutConnectionUid =
                """
        {"connection": {"info": {"url": "https://a.test/me"}},
         "webhooks": {"s": {"type": "shared", "spec": {"uid": "{{body.u}}"}}}}
        """;
        assertThatThrownBy(() -> parser.parse("x", withoutConnectionUid))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(SpecProblem::path)
                                        .containsExactly("connection.info.response.uid"));
    }

    @Test
    void genericHmacSignatureIsConfiguredFieldByField() {
        WebhookSpec spec =
                parser.parseWebhookSpec(
                        JsonMapper.builder()
                                .build()
                                .readTree(
                                        """
        {"signature": {"scheme": "hmac", "secret": "{{parameters.secret}}", "header": "X-Sig",
                       "algorithm": "sha512", "encoding": "base64", "prefix": "v1=", "payload": "{{headers.`x-ts`}}.{{rawBody}}"}}
        """),
                        "");

        assertThat(spec.signature().check())
                .isEqualTo(
                        new HeaderHmac(
                                "X-Sig", HmacAlgorithm.SHA512, SignatureEncoding.BASE64, "v1="));
        assertThat(spec.signature().payload().path()).isEqualTo("signature.payload");
    }

    @Test
    void signatureFieldsAreChecked() {
        assertProblems(
                "{\"signature\": {\"scheme\": \"hmac\", \"secret\": \"s\", \"algorithm\": \"md5\"}}",
                "signature.header",
                "signature.algorithm");
        assertProblems(
                "{\"signature\": {\"scheme\": \"github\", \"header\": \"X\"}}",
                "signature.header",
                "signature.secret");
        assertProblems(
                "{\"signature\": {\"scheme\": \"slack\", \"secret\": \"s\", \"tolerance\": -5}}",
                "signature.tolerance");
    }

    @Test
    void requestSpecsAreChecked() {
        String app =
                """
        {"connection": {"info": {"method": "FETCH", "qs": [], "response": {"metadata": {"type": "phone"}, "valid": 3}},
                        "log": {"sanitize": ["headers.authorization"]}}}
        """;

        assertThatThrownBy(() -> parser.parse("x", app))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(SpecProblem::path)
                                        .containsExactlyInAnyOrder(
                                                "connection.info.url",
                                                "connection.info.method",
                                                "connection.info.qs",
                                                "connection.info.response.metadata.type",
                                                "connection.info.response.metadata.value",
                                                "connection.info.response.valid",
                                                "connection.log.sanitize[0]"));
    }

    @Test
    void parseWebhookSpecPrefixesProblemPaths() {
        assertThatThrownBy(
                        () ->
                                parser.parseWebhookSpec(
                                        JsonMapper.builder().build().readTree("{\"uid\": 5}"),
                                        "webhooks.a.spec"))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(SpecProblem::path)
                                        .containsExactly("webhooks.a.spec.uid"));
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> parser.parse("x", "[]")).isInstanceOf(SpecException.class);
        assertThatThrownBy(() -> parser.parse("x", "")).isInstanceOf(SpecException.class);
    }

    private void assertProblems(String directives, String... paths) {
        assertThatThrownBy(
                        () ->
                                parser.parseWebhookSpec(
                                        JsonMapper.builder().build().readTree(directives), ""))
                .isInstanceOfSatisfying(
                        SpecException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(SpecProblem::path)
                                        .containsExactlyInAnyOrder(
                                                List.of(paths).toArray(String[]::new)));
    }
}
