package io.hookstream.benchmarks.load;

import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.avro.Header;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.schemas.avro.WebhookKind;
import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.schemas.topic.Topic;
import io.hookstream.schemas.topic.TopicProvisioner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's app, hooks, connections and request bodies, written straight to the compacted
 * topics with the production serdes, so that no run depends on the control plane's HTTP API.
 *
 * <p>The app has a dedicated webhook ({@code orders}: GitHub signature preset, a rendered JSON
 * {@code respond}, {@code iterate} over the order's items and an {@code output} per item) and a
 * shared webhook ({@code events}: the same edge directives with the app's common secret, {@code
 * iterate} and a {@code uid} per item). Bodies are about 1 KB of JSON with two items.
 *
 * <p>A third webhook ({@code orders-floor}) runs the dedicated route with directives that never
 * read the body: it iterates over two items held in its hooks' parameters and outputs each as it
 * is. Routed through the same topology, it measures what the router costs apart from its
 * directives.
 */
public final class Fixtures {

    public static final String APP_ID = "bench";
    public static final String DEDICATED = "orders";
    public static final String SHARED = "events";

    /** Dedicated, with directives that do not read the body (see the class comment). */
    public static final String FLOOR = "orders-floor";

    /**
     * The dedicated hooks' secret ({@code parameters.secret}); the shared webhook uses the app's
     * common one.
     */
    public static final String HOOK_SECRET = "bench-hook-secret";

    public static final String SHARED_SECRET = "bench-shared-secret";
    public static final int ITEMS_PER_EVENT = 2;

    /** The key that seals connection data at rest (32 bytes, base64); a benchmark-only value. */
    public static final String DATA_KEY = "YmVuY2gtZGF0YS1rZXktMzItYnl0ZXMtbG9uZy0hISE=";

    private static final String PADDING = "x".repeat(360);

    private Fixtures() {}

    /** The app definition JSON as the control plane would store it. */
    public static String appDefinition() {
        return """
            {
              "name": "Bench",
              "common": {"signingSecret": "%s"},
              "connection": {
                "info": {
                  "url": "https://accounts.bench.invalid/me",
                  "headers": {"Authorization": "Bearer {{connection.token}}"},
                  "response": {"uid": "{{body.account}}", "valid": true}
                }
              },
              "webhooks": {
                "%s": {
                  "type": "dedicated",
                  "spec": {
                    "signature": {"scheme": "github", "secret": "{{parameters.secret}}"},
                    "respond": {"type": "json", "status": 200,
                                "body": {"received": true, "delivery": "{{headers.`X-GitHub-Delivery`}}"}},
                    "iterate": "{{body.items}}",
                    "output": {"order": "{{body.id}}", "customer": "{{body.customer.email}}", "sku": "{{item.sku}}",
                               "qty": "{{item.qty}}", "price": "{{item.price}}", "sentAt": "{{body.sentAt}}"}
                  }
                },
                "%s": {
                  "type": "dedicated",
                  "spec": {
                    "signature": {"scheme": "github", "secret": "{{parameters.secret}}"},
                    "iterate": "{{parameters.items}}",
                    "output": "{{item}}"
                  }
                },
                "%s": {
                  "type": "shared",
                  "spec": {
                    "signature": {"scheme": "github", "secret": "{{common.signingSecret}}"},
                    "respond": {"type": "json", "status": 200,
                                "body": {"received": true, "delivery": "{{headers.`X-GitHub-Delivery`}}"}},
                    "iterate": "{{body.items}}",
                    "uid": "{{item.account}}",
                    "output": {"order": "{{body.id}}", "account": "{{item.account}}", "sku": "{{item.sku}}",
                               "qty": "{{item.qty}}", "sentAt": "{{body.sentAt}}"}
                  }
                }
              }
            }
            """
                .formatted(SHARED_SECRET, DEDICATED, FLOOR, SHARED);
    }

    /**
     * An order of about 1 KB with {@link #ITEMS_PER_EVENT} items, whose items belong to the
     * accounts given (the uids of shared subscriptions).
     */
    public static byte[] body(long id, long sentAtMicros, String accountA, String accountB) {
        String json =
                """
            {"id":%d,"sentAt":%d,"type":"order.created","created":"2026-11-22T10:15:30Z","currency":"EUR",\
            "customer":{"id":"cus_8231","email":"jane.doe@example.com","name":"Jane Doe","country":"FR"},\
            "items":[{"sku":"A-1001","qty":2,"price":19.90,"account":"%s"},\
            {"sku":"B-2002","qty":1,"price":7.50,"account":"%s"}],\
            "shipping":{"method":"express","address":{"line1":"12 rue de la Paix","city":"Paris","zip":"75002"}},\
            "note":"%s"}"""
                        .formatted(id, sentAtMicros, accountA, accountB, PADDING);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    public static String account(int i) {
        return "acct-" + i;
    }

    /** {@code X-Hub-Signature-256} of a body: {@code sha256=} and the hex HMAC-SHA256. */
    public static String githubSignature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The request headers every benchmark request carries (besides Host, Content-Length,
     * signature).
     */
    public static Map<String, String> headers() {
        return Map.of(
                "Content-Type",
                "application/json",
                "User-Agent",
                "GitHub-Hookshot/bench",
                "X-GitHub-Event",
                "push",
                "X-GitHub-Delivery",
                "72d3162e-cc78-11e3-81ab-4c9367dc0958");
    }

    /** The client every load generator talks HTTP with: HTTP/1.1, as senders and consoles do. */
    public static java.net.http.HttpClient httpClient() {
        return java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /**
     * Consumer-facing topics (trigger topics, unmatched items) get {@code
     * -Dbench.consumer-compression} as their topic-level codec: {@code producer} (the default, as
     * trigger topics were created before that setting) keeps what the router's producer sends.
     */
    public static TopicProvisioner provisioner(Admin admin, int partitions) {
        return new TopicProvisioner(
                admin,
                new TopicProvisioner.Layout(
                        partitions,
                        (short) 1,
                        Duration.ofDays(1).toMillis(),
                        System.getProperty("bench.consumer-compression", "producer")));
    }

    public static <V> KafkaProducer<String, V> producer(String bootstrap, Serializer<V> values) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(
                p, new org.apache.kafka.common.serialization.StringSerializer(), values);
    }

    public static App app(long now) {
        return App.newBuilder()
                .setAppId(APP_ID)
                .setDefinition(appDefinition())
                .setVersion(1)
                .setUpdatedAt(Instant.ofEpochMilli(now))
                .build();
    }

    public static Hook dedicatedHook(String hookId, String userId, String triggerTopic, long now) {
        return dedicatedHook(hookId, DEDICATED, userId, triggerTopic, now);
    }

    /**
     * A hook of {@link #DEDICATED} or {@link #FLOOR}; the floor's hooks hold the two items it
     * iterates over.
     */
    public static Hook dedicatedHook(
            String hookId, String webhookName, String userId, String triggerTopic, long now) {
        String items =
                webhookName.equals(FLOOR)
                        ? ",\"items\":[{\"sku\":\"A-1001\",\"qty\":2,\"price\":19.90},{\"sku\":\"B-2002\",\"qty\":1,\"price\":7.50}]"
                        : "";
        return Hook.newBuilder()
                .setHookId(hookId)
                .setAppId(APP_ID)
                .setWebhookName(webhookName)
                .setKind(WebhookKind.DEDICATED)
                .setUserId(userId)
                .setParameters("{\"secret\":\"" + HOOK_SECRET + "\"" + items + "}")
                .setStatus(HookStatus.ACTIVE)
                .setTriggerTopic(triggerTopic)
                // the router's configured format (RouterBench: -Dbench.format)
                .setBundleFormat("default")
                .setCreatedAt(Instant.ofEpochMilli(now))
                .setUpdatedAt(Instant.ofEpochMilli(now))
                .build();
    }

    public static Hook sharedHook(
            String hookId, String userId, String connectionId, String triggerTopic, long now) {
        return Hook.newBuilder()
                .setHookId(hookId)
                .setAppId(APP_ID)
                .setWebhookName(SHARED)
                .setKind(WebhookKind.SHARED)
                .setUserId(userId)
                .setConnectionId(connectionId)
                .setParameters("{}")
                .setStatus(HookStatus.ACTIVE)
                .setTriggerTopic(triggerTopic)
                // the router's configured format (RouterBench: -Dbench.format)
                .setBundleFormat("default")
                .setCreatedAt(Instant.ofEpochMilli(now))
                .setUpdatedAt(Instant.ofEpochMilli(now))
                .build();
    }

    public static Connection connection(String connectionId, String userId, String uid, long now) {
        return Connection.newBuilder()
                .setConnectionId(connectionId)
                .setAppId(APP_ID)
                .setUserId(userId)
                .setUid(uid)
                .setValid(true)
                .setParameters("{}")
                .setData(ByteBuffer.wrap("{\"token\":\"t\"}".getBytes(StandardCharsets.UTF_8)))
                .setCreatedAt(Instant.ofEpochMilli(now))
                .setUpdatedAt(Instant.ofEpochMilli(now))
                .build();
    }

    /** A raw event as the ingress publishes it for a signed benchmark request. */
    public static RawWebhookEvent rawEvent(
            WebhookKind kind,
            @Nullable String hookIdOrNull,
            String webhookName,
            byte[] body,
            long receivedAt) {
        String secret = kind == WebhookKind.DEDICATED ? HOOK_SECRET : SHARED_SECRET;
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("host", "127.0.0.1:8080"));
        Fixtures.headers()
                .forEach(
                        (k, v) -> headers.add(new Header(k.toLowerCase(java.util.Locale.ROOT), v)));
        headers.add(new Header("x-hub-signature-256", githubSignature(secret, body)));
        headers.add(new Header("content-length", Integer.toString(body.length)));
        String path =
                kind == WebhookKind.DEDICATED
                        ? "/hooks/" + hookIdOrNull
                        : "/apps/" + APP_ID + "/webhooks/" + webhookName;
        return RawWebhookEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setReceivedAt(Instant.ofEpochMilli(receivedAt))
                .setKind(kind)
                .setHookId(hookIdOrNull)
                .setAppId(APP_ID)
                .setWebhookName(webhookName)
                .setMethod("POST")
                .setPath(path)
                .setQuery("")
                .setHeaders(headers)
                .setContentType("application/json")
                .setBody(ByteBuffer.wrap(body))
                .setFlags(List.of())
                .setRemoteAddress("127.0.0.1")
                .build();
    }

    /** Writes the app, and waits for every write to be acknowledged. */
    public static <V> void send(String bootstrap, Topic<String, V> topic, Map<String, V> records) {
        try (KafkaProducer<String, V> producer =
                producer(bootstrap, topic.valueSerde().serializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            records.forEach(
                    (k, v) -> acks.add(producer.send(new ProducerRecord<>(topic.name(), k, v))));
            for (var ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("write to " + topic.name() + " failed: " + e, e);
        }
    }

    /**
     * App plus {@code dedicatedHooks} dedicated hooks and {@code sharedHooks} shared hooks with
     * connections.
     */
    public static void writeState(
            String bootstrap,
            HookstreamTopics topics,
            List<String> dedicatedHookIds,
            int sharedHooks,
            java.util.function.IntFunction<String> userOf,
            java.util.function.Function<String, String> triggerTopicOfUser) {
        writeState(
                bootstrap,
                topics,
                DEDICATED,
                dedicatedHookIds,
                sharedHooks,
                userOf,
                triggerTopicOfUser);
    }

    /** As above, with the dedicated hooks on webhook {@code dedicatedWebhook}. */
    public static void writeState(
            String bootstrap,
            HookstreamTopics topics,
            String dedicatedWebhook,
            List<String> dedicatedHookIds,
            int sharedHooks,
            java.util.function.IntFunction<String> userOf,
            java.util.function.Function<String, String> triggerTopicOfUser) {
        long now = System.currentTimeMillis();
        send(bootstrap, topics.apps(), Map.of(APP_ID, app(now)));
        Map<String, Hook> hooks = new java.util.LinkedHashMap<>();
        for (int i = 0; i < dedicatedHookIds.size(); i++) {
            String user = userOf.apply(i);
            hooks.put(
                    dedicatedHookIds.get(i),
                    dedicatedHook(
                            dedicatedHookIds.get(i),
                            dedicatedWebhook,
                            user,
                            triggerTopicOfUser.apply(user),
                            now));
        }
        Map<String, Connection> connections = new java.util.LinkedHashMap<>();
        for (int i = 0; i < sharedHooks; i++) {
            String user = userOf.apply(i);
            String connectionId = "conn-" + i;
            connections.put(connectionId, connection(connectionId, user, account(i), now));
            hooks.put(
                    "shook-" + i,
                    sharedHook(
                            "shook-" + i, user, connectionId, triggerTopicOfUser.apply(user), now));
        }
        if (!connections.isEmpty()) {
            send(bootstrap, topics.connections(), connections);
        }
        send(bootstrap, topics.hooks(), hooks);
    }
}
