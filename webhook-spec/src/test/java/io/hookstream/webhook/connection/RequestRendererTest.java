package io.hookstream.webhook.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookstream.iml.Iml;
import io.hookstream.iml.value.Values;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.AppDefinitionParser;
import io.hookstream.webhook.spec.RequestSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RequestRendererTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AppDefinitionParser parser = new AppDefinitionParser(Iml.standard());
    private final RequestRenderer renderer =
            new RequestRenderer(Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void rendersEveryPartWithConnectionDataBoundAsDataAndConnection() {
        RequestSpec spec =
                info(
                        """
        {"url": "https://api.acme.test/users/{{data.userId}}", "method": "post",
         "headers": {"Authorization": "Bearer {{connection.accessToken}}", "X-Skip": "{{data.missing}}"},
         "qs": {"tag": "{{split(parameters.tags, ',')}}", "app": "{{common.app}}"},
         "body": {"at": "{{now}}", "hook": "{{webhook.url}}"}, "type": "urlencoded"}
        """);
        ConnectionScope scope =
                ConnectionScope.of(
                        JSON.readTree("{\"tags\": \"a,b\"}"),
                        JSON.readTree("{\"app\": \"x y\"}"),
                        JSON.readTree("{\"userId\": 7, \"accessToken\": \"tok\"}"),
                        JSON.readTree("{\"url\": \"https://h.test/1\"}"),
                        ZoneOffset.UTC);

        RenderedRequest request = renderer.render(spec, scope);

        assertThat(request.url()).isEqualTo("https://api.acme.test/users/7");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers()).containsExactly(Map.entry("Authorization", "Bearer tok"));
        assertThat(request.qs())
                .containsExactly(
                        Map.entry("tag", "a"), Map.entry("tag", "b"), Map.entry("app", "x y"));
        assertThat(request.urlWithQuery())
                .isEqualTo("https://api.acme.test/users/7?tag=a&tag=b&app=x+y");
        assertThat(Values.toJson(request.body()).toString())
                .isEqualTo("{\"at\":\"2024-01-01T00:00:00.000Z\",\"hook\":\"https://h.test/1\"}");
        assertThat(request.type()).isEqualTo("urlencoded");
    }

    @Test
    void defaultsToGetJsonAndNoBody() {
        RenderedRequest request =
                renderer.render(
                        info("{\"url\": \"https://a.test/me?x=1\", \"qs\": {\"y\": 2}}"), empty());

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.type()).isEqualTo("json");
        assertThat(Values.isUndefined(request.body())).isTrue();
        assertThat(request.urlWithQuery()).isEqualTo("https://a.test/me?x=1&y=2");
    }

    @Test
    void headerValuesWithLineBreaksAreRefused() {
        RequestSpec spec =
                info("{\"url\": \"https://a.test\", \"headers\": {\"X-A\": \"{{data.v}}\"}}");
        ConnectionScope scope =
                ConnectionScope.of(
                        null, null, JSON.readTree("{\"v\": \"a\\nb\"}"), null, ZoneOffset.UTC);

        assertThatThrownBy(() -> renderer.render(spec, scope))
                .isInstanceOfSatisfying(
                        RequestRenderException.class,
                        e -> {
                            assertThat(e.directivePath()).isEqualTo("headers");
                            assertThat(e.code()).isEqualTo("WEBHOOK-REQUEST");
                        });
    }

    @Test
    void anEmptyUrlIsRefused() {
        assertThatThrownBy(() -> renderer.render(info("{\"url\": \"{{data.none}}\"}"), empty()))
                .isInstanceOfSatisfying(
                        RequestRenderException.class,
                        e -> assertThat(e.directivePath()).isEqualTo("url"));
    }

    @Test
    void aSpreadOfNothingRendersNoHeaders() {
        RenderedRequest request =
                renderer.render(
                        info(
                                "{\"url\": \"https://a.test\", \"headers\": {\"{{...}}\": \"{{data.none}}\"}}"),
                        empty());

        assertThat(request.headers()).isEmpty();
    }

    private RequestSpec info(String request) {
        AppDefinition app = parser.parse("t", "{\"connection\": {\"info\": " + request + "}}");
        return app.connection().info();
    }

    private static ConnectionScope empty() {
        return ConnectionScope.of(null, null, null, null, ZoneOffset.UTC);
    }
}
