package io.hookstream.webhook.makeapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.iml.Iml;
import io.hookstream.iml.value.Values;
import io.hookstream.webhook.connection.ConnectionCheck;
import io.hookstream.webhook.connection.ConnectionResponse;
import io.hookstream.webhook.connection.ConnectionScope;
import io.hookstream.webhook.connection.RenderedRequest;
import io.hookstream.webhook.connection.RequestRenderer;
import io.hookstream.webhook.connection.ResponseEvaluator;
import io.hookstream.webhook.pipeline.HookScope;
import io.hookstream.webhook.pipeline.ProcessingOutcome;
import io.hookstream.webhook.pipeline.WebhookProcessor;
import io.hookstream.webhook.request.Headers;
import io.hookstream.webhook.request.RequestParser;
import io.hookstream.webhook.request.WebhookRequest;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.ParameterSchema;
import io.hookstream.webhook.spec.RequestSpec;
import io.hookstream.webhook.spec.SpecProblem;
import io.hookstream.webhook.spec.WebhookDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The imported sdk-layout project, run: base, chained attach, error types, parameters, trigger. */
class MakeAppRuntimeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private final AppDefinition app = MakeAppFixtures.parsed("sdk-layout");
    private final RequestRenderer renderer = new RequestRenderer(CLOCK);
    private final ResponseEvaluator evaluator = new ResponseEvaluator(CLOCK);

    @Test
    void aRelativeUrlResolvesAgainstTheBaseUrlTemplateAndTheBaseHeadersApply() {
        RequestSpec info = app.connection().info();

        RenderedRequest byDefault =
                renderer.render(info, scope("{\"apiKey\": \"k-1\"}", null), app.base());
        RenderedRequest elsewhere =
                renderer.render(
                        info,
                        scope("{\"apiKey\": \"k-1\", \"baseUrl\": \"http://127.0.0.1:9\"}", null),
                        app.base());

        assertThat(byDefault.url()).isEqualTo("https://api.parcels.example/v2/me");
        assertThat(byDefault.headers()).containsExactly(Map.entry("Authorization", "Bearer k-1"));
        assertThat(elsewhere.url()).isEqualTo("http://127.0.0.1:9/v2/me");
        // without the base the same request has no host at all
        assertThat(renderer.render(info, scope("{}", null)).url()).isEqualTo("/me");
    }

    @Test
    void attachRequestsAreChainedThroughTemp() {
        List<RequestSpec> attach = app.webhook("parcelEvents").attach();
        ConnectionScope scope =
                scope(
                        "{\"apiKey\": \"k\"}",
                        "{\"id\": \"h-1\", \"url\": \"https://in.example/hooks/h-1\"}");

        RenderedRequest first = renderer.render(attach.get(0), scope, app.base());
        ConnectionCheck created =
                evaluator.evaluate(
                        attach.get(0).response(),
                        response(201, "{\"id\": \"sub-7\"}"),
                        scope,
                        app.base().error());
        ConnectionScope next = scope.withTemp(created.temp());
        RenderedRequest second = renderer.render(attach.get(1), next, app.base());
        ConnectionCheck hooked =
                evaluator.evaluate(
                        attach.get(1).response(),
                        response(201, "{\"id\": \"remote-3\"}"),
                        next,
                        app.base().error());

        assertThat(first.url()).isEqualTo("https://api.parcels.example/v2/subscriptions");
        assertThat(created.temp()).isEqualTo(JSON.readTree("{\"subscriptionId\": \"sub-7\"}"));
        assertThat(second.url())
                .isEqualTo("https://api.parcels.example/v2/subscriptions/sub-7/hooks");
        assertThat(Values.toJson(second.body()).path("url").stringValue())
                .isEqualTo("https://in.example/hooks/h-1");
        assertThat(hooked.data())
                .isEqualTo(
                        JSON.readTree("{\"subscriptionId\": \"sub-7\", \"hookId\": \"remote-3\"}"));
    }

    @Test
    void theBaseErrorMapsStatusesToMessagesAndTypes() {
        RequestSpec detach = app.webhook("parcelEvents").detach().get(0);
        ConnectionScope scope = scope("{}", "{\"subscriptionId\": \"sub-7\"}");

        ConnectionCheck gone =
                evaluator.evaluate(
                        detach.response(), response(404, "{}"), scope, app.base().error());
        ConnectionCheck limited =
                evaluator.evaluate(
                        detach.response(), response(429, "{}"), scope, app.base().error());
        ConnectionCheck broken =
                evaluator.evaluate(
                        detach.response(),
                        response(500, "{\"error\": {\"message\": \"boom\"}}"),
                        scope,
                        app.base().error());
        ConnectionCheck fine =
                evaluator.evaluate(detach.response(), response(204, ""), scope, app.base().error());

        assertThat(gone.ignored()).isTrue();
        assertThat(gone.errorMessage()).isEqualTo("no such subscription");
        assertThat(limited.errorType()).isEqualTo("RateLimitError");
        assertThat(limited.ignored()).isFalse();
        assertThat(broken.errorType()).isEqualTo("RuntimeError");
        assertThat(broken.errorMessage()).isEqualTo("[500] boom");
        assertThat(fine.valid()).isTrue();
    }

    @Test
    void hookParametersAreCheckedAgainstTheSchema() {
        ParameterSchema schema = app.webhook("parcelEvents").parameters();

        assertThat(schema.check(JSON.readTree("{\"carrier\": \"dhl\", \"events\": [\"any\"]}")))
                .isEmpty();
        assertThat(schema.check(JSON.readTree("{}")))
                .extracting(SpecProblem::path, SpecProblem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("parameters.carrier", "SPEC-MISSING"));
        assertThat(schema.check(JSON.readTree("{\"carrier\": \"fedex\"}")))
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.code()).isEqualTo("SPEC-VALUE");
                            assertThat(p.message()).contains("carrier").contains("fedex");
                        });
        assertThat(app.connection().parameters().check(JSON.readTree("{}")))
                .extracting(SpecProblem::path)
                .containsExactly("parameters.apiKey");
    }

    @Test
    void theInstantTriggerIsAppliedToEveryBundleAfterTheWebhooksOutput() {
        WebhookDefinition parcels = app.webhook("parcelEvents");
        WebhookProcessor processor = new WebhookProcessor(Iml.standard(), CLOCK);
        HookScope scope =
                HookScope.of(
                        app,
                        JSON.readTree("{\"carrier\": \"ups\"}"),
                        null,
                        JSON.readTree("{\"hookId\": \"remote-3\"}"));
        String body =
                "{\"events\": [{\"parcel_id\": \"P-1\", \"status\": \"shipped\"},"
                        + " {\"parcel_id\": \"P-2\", \"status\": \"lost\"}]}";

        ProcessingOutcome outcome =
                processor.process(parcels.spec(), parcels.type(), scope, request(body));

        assertThat(outcome).isInstanceOf(ProcessingOutcome.Items.class);
        assertThat(((ProcessingOutcome.Items) outcome).items())
                .extracting(item -> Values.toJson(item.content()))
                .containsExactly(
                        JSON.readTree(
                                "{\"parcel\":\"P-1\",\"status\":\"shipped\",\"carrier\":\"ups\",\"hook\":\"remote-3\"}"),
                        JSON.readTree(
                                "{\"parcel\":\"P-2\",\"status\":\"lost\",\"carrier\":\"ups\",\"hook\":\"remote-3\"}"));
    }

    @Test
    void theBaseSanitizePathsJoinTheConnections() {
        assertThat(app.logSanitize())
                .containsExactly("request.headers.x-api-key", "request.headers.authorization");
    }

    private ConnectionScope scope(String connection, String webhook) {
        return ConnectionScope.of(
                JSON.readTree("{}"),
                app.common(),
                JSON.readTree(connection),
                webhook == null ? null : JSON.readTree(webhook),
                ZoneOffset.UTC);
    }

    private static ConnectionResponse response(int status, String body) {
        return ConnectionResponse.of(
                status,
                Headers.of(List.of(Map.entry("content-type", "application/json"))),
                body.getBytes(StandardCharsets.UTF_8),
                new RequestParser());
    }

    private static WebhookRequest request(String body) {
        return new WebhookRequest(
                "POST",
                "/hooks/h",
                Headers.of(List.of(Map.entry("content-type", "application/json"))),
                "",
                "application/json",
                body.getBytes(StandardCharsets.UTF_8),
                CLOCK.instant());
    }
}
