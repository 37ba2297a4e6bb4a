package io.hookstream.webhook.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.Iml;
import io.hookstream.webhook.request.Headers;
import io.hookstream.webhook.request.RequestParser;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.hookstream.webhook.spec.ResponseSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseEvaluatorTest {

    private final AppDefinitionParser parser = new AppDefinitionParser(Iml.standard());
    private final ResponseEvaluator evaluator =
            new ResponseEvaluator(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final ConnectionScope scope =
            ConnectionScope.of(null, null, null, null, ZoneOffset.UTC);

    @Test
    void aValidResponseYieldsUidMetadataAndData() {
        ResponseSpec spec =
                response(
                        """
        {"uid": "{{body.user.id}}", "valid": "{{body.ok}}",
         "metadata": {"type": "email", "value": "{{body.user.email}}"},
         "data": {"plan": "{{body.plan}}", "status": "{{statusCode}}", "via": "{{headers.`X-Via`}}"}}
        """);

        ConnectionCheck check =
                evaluator.evaluate(
                        spec,
                        json(
                                200,
                                "{\"ok\": true, \"user\": {\"id\": 42, \"email\": \"a@b.test\"}, \"plan\": \"pro\"}"),
                        scope);

        assertThat(check)
                .isEqualTo(
                        new ConnectionCheck(
                                "42",
                                true,
                                null,
                                null,
                                new ConnectionCheck.Metadata("email", "a@b.test"),
                                check.data()));
        assertThat(check.data().toString())
                .isEqualTo("{\"plan\":\"pro\",\"status\":200,\"via\":\"edge\"}");
    }

    @Test
    void withoutValidTheStatusDecides() {
        assertThat(evaluator.evaluate(null, json(399, "{}"), scope).valid()).isTrue();
        ConnectionCheck failed = evaluator.evaluate(null, json(401, "{}"), scope);
        assertThat(failed)
                .isEqualTo(
                        new ConnectionCheck(
                                null,
                                false,
                                "Response marked as invalid.",
                                "RuntimeError",
                                null,
                                null));
    }

    @Test
    void theErrorMessageComesFromValidThenStatusThenErrorThenTheDefault() {
        String error =
                "\"error\": {\"message\": \"generic {{body.e}}\", \"type\": \"AccountError\","
                        + " \"403\": {\"message\": \"forbidden {{body.e}}\"}}";

        ConnectionCheck fromValid =
                evaluator.evaluate(
                        response(
                                "{\"valid\": {\"condition\": \"{{body.ok}}\", \"message\": \"v {{body.e}}\", \"type\": \"InvalidAccessTokenError\"}, "
                                        + error
                                        + "}"),
                        json(403, "{\"ok\": false, \"e\": \"x\"}"),
                        scope);
        assertThat(fromValid.errorMessage()).isEqualTo("v x");
        assertThat(fromValid.errorType()).isEqualTo("InvalidAccessTokenError");

        ConnectionCheck fromStatus =
                evaluator.evaluate(
                        response("{\"valid\": \"{{body.ok}}\", " + error + "}"),
                        json(403, "{\"ok\": false, \"e\": \"x\"}"),
                        scope);
        assertThat(fromStatus.errorMessage()).isEqualTo("forbidden x");
        assertThat(fromStatus.errorType()).isEqualTo("AccountError");

        ConnectionCheck fromError =
                evaluator.evaluate(
                        response("{\"valid\": \"{{body.ok}}\", " + error + "}"),
                        json(500, "{\"ok\": 0, \"e\": \"y\"}"),
                        scope);
        assertThat(fromError.errorMessage()).isEqualTo("generic y");

        ConnectionCheck fallback =
                evaluator.evaluate(
                        response("{\"valid\": \"{{body.ok}}\", \"uid\": \"{{body.id}}\"}"),
                        json(200, "{\"ok\": \"\", \"id\": 1}"),
                        scope);
        assertThat(fallback)
                .isEqualTo(
                        new ConnectionCheck(
                                null,
                                false,
                                "Response marked as invalid.",
                                "RuntimeError",
                                null,
                                null));
    }

    @Test
    void aValidFlagOverridesAFailingStatus() {
        assertThat(evaluator.evaluate(response("{\"valid\": true}"), json(500, ""), scope).valid())
                .isTrue();
    }

    private ResponseSpec response(String response) {
        return parser.parse(
                        "t",
                        "{\"connection\": {\"info\": {\"url\": \"https://a.test\", \"response\": "
                                + response
                                + "}}}")
                .connection()
                .info()
                .response();
    }

    private static ConnectionResponse json(int status, String body) {
        return ConnectionResponse.of(
                status,
                Headers.of(Map.of("Content-Type", "application/json", "X-Via", "edge")),
                body.getBytes(StandardCharsets.UTF_8),
                new RequestParser());
    }
}
