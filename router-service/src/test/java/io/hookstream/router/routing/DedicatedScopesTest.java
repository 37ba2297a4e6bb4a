package io.hookstream.router.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookstream.iml.value.Values;
import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.support.apps.HookScopes;
import io.hookstream.webhook.pipeline.HookScope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DedicatedScopesTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger built = new AtomicInteger();
    private final HookScopes scopes = new HookScopes();
    private final HookScope appScope =
            new HookScope(
                    Values.object(Map.of()),
                    Values.UNDEFINED,
                    Values.UNDEFINED,
                    Values.UNDEFINED,
                    ZoneOffset.UTC);
    private final DedicatedScopes cache =
            new DedicatedScopes(
                    3,
                    connection -> {
                        opened.incrementAndGet();
                        return connection == null
                                ? null
                                : Values.fromJson(
                                        JSON.readTree(
                                                StandardCharsets.UTF_8
                                                        .decode(connection.getData().duplicate())
                                                        .toString()));
                    },
                    (app, hook, connection) -> {
                        built.incrementAndGet();
                        return scopes.forHook(app, hook, connection);
                    });

    @Test
    void equalRecordsOfTheSameHookReuseOneScopeAndOpenTheConnectionOnce() {
        DedicatedScopes.Prepared first =
                cache.of(
                        hook("h1", "{\"label\":\"L\"}"),
                        connection("{\"token\":\"secret-token-1\"}"),
                        appScope);
        // Kafka Streams deserialises fresh records for every event: equal content, other instances
        DedicatedScopes.Prepared second =
                cache.of(
                        hook("h1", "{\"label\":\"L\"}"),
                        connection("{\"token\":\"secret-token-1\"}"),
                        appScope);

        assertThat(second).isSameAs(first);
        assertThat(opened).hasValue(1);
        assertThat(built).hasValue(1);
        assertThat(first.secrets()).containsExactly("secret-token-1");
        assertThat(Values.toJson(first.scope().parameters()).get("label").asString())
                .isEqualTo("L");
    }

    @Test
    void changedParametersConnectionDataOrAppVersionBuildANewScope() {
        DedicatedScopes.Prepared base =
                cache.of(
                        hook("h1", "{\"label\":\"L\"}"),
                        connection("{\"token\":\"secret-token-1\"}"),
                        appScope);

        DedicatedScopes.Prepared newParameters =
                cache.of(
                        hook("h1", "{\"label\":\"M\"}"),
                        connection("{\"token\":\"secret-token-1\"}"),
                        appScope);
        assertThat(Values.toJson(newParameters.scope().parameters()).get("label").asString())
                .isEqualTo("M");

        DedicatedScopes.Prepared newData =
                cache.of(
                        hook("h1", "{\"label\":\"M\"}"),
                        connection("{\"token\":\"secret-token-2\"}"),
                        appScope);
        assertThat(newData.secrets()).containsExactly("secret-token-2");

        HookScope newAppVersion =
                new HookScope(
                        Values.object(Map.of()),
                        Values.UNDEFINED,
                        Values.UNDEFINED,
                        Values.UNDEFINED,
                        ZoneOffset.UTC);
        DedicatedScopes.Prepared newApp =
                cache.of(
                        hook("h1", "{\"label\":\"M\"}"),
                        connection("{\"token\":\"secret-token-2\"}"),
                        newAppVersion);

        assertThat(newParameters).isNotSameAs(base);
        assertThat(newData).isNotSameAs(newParameters);
        assertThat(newApp).isNotSameAs(newData);
        assertThat(built).hasValue(4);
        assertThat(opened).hasValue(4);
    }

    @Test
    void aConnectionThatCannotBeOpenedIsNotCached() {
        DedicatedScopes failing =
                new DedicatedScopes(
                        3,
                        connection -> {
                            opened.incrementAndGet();
                            throw new IllegalStateException("sealed with an unknown key");
                        },
                        scopes::forHook);

        assertThatThrownBy(() -> failing.of(hook("h1", "{}"), connection("{}"), appScope))
                .hasMessageContaining("unknown key");
        assertThatThrownBy(() -> failing.of(hook("h1", "{}"), connection("{}"), appScope))
                .hasMessageContaining("unknown key");
        assertThat(opened).hasValue(2);
        assertThat(failing.size()).isZero();
    }

    @Test
    void theCacheStartsAgainWhenFullSoMemoryFollowsTheActiveHooks() {
        for (int i = 0; i < 3; i++) {
            cache.of(hook("h" + i, "{}"), null, appScope);
        }
        assertThat(cache.size()).isEqualTo(3);

        cache.of(hook("h3", "{}"), null, appScope);

        assertThat(cache.size()).isEqualTo(1);
    }

    private static Hook hook(String id, String parameters) {
        return Hook.newBuilder()
                .setHookId(id)
                .setAppId("shop")
                .setWebhookName("orders")
                .setKind(WebhookKind.DEDICATED)
                .setUserId("alice")
                .setConnectionId("c1")
                .setParameters(parameters)
                .setStatus(HookStatus.ACTIVE)
                .setTriggerTopic("hookstream.triggers.alice")
                .setCreatedAt(T0)
                .setUpdatedAt(T0)
                .build();
    }

    private static Connection connection(String data) {
        return Connection.newBuilder()
                .setConnectionId("c1")
                .setAppId("shop")
                .setUserId("alice")
                .setUid("1")
                .setValid(true)
                .setData(ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8)))
                .setDataEncryption("none")
                .setCreatedAt(T0)
                .setUpdatedAt(T0)
                .build();
    }
}
