package io.hookstream.benchmarks.load;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import io.hookstream.ingress.http.RequestBodies;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The framework ceiling of the ingress benchmark: {@code ANY /noop} reads the whole body as the
 * webhook handler does ({@link RequestBodies}) and answers {@code 200 Accepted}. {@code ANY
 * /noop-stored} does the same but answers only once the body, as it came, is in Kafka with the
 * ingress's producer settings ({@code acks=all}, idempotent, lz4, 1 ms linger): what the framework
 * and a durable write cost together, without resolving a hook, a signature, a spec, a respond or an
 * Avro event. Both are added to the ingress's own application context, so they run on the same
 * server, filters and event loops as the webhook routes.
 */
@Configuration(proxyBeanMethods = false)
public class NoopEndpoint {

    /** The topic {@code /noop-stored} writes to; the broker creates it on first use. */
    static final String STORED_TOPIC = "bench.noop-stored";

    @Bean
    RouterFunction<ServerResponse> noopRoute(KafkaProducer<byte[], byte[]> noopProducer) {
        return RouterFunctions.route()
                .route(
                        path("/noop"),
                        request ->
                                body(request)
                                        .flatMap(
                                                bytes ->
                                                        ServerResponse.ok()
                                                                .contentType(MediaType.TEXT_PLAIN)
                                                                .bodyValue("Accepted")))
                .route(
                        path("/noop-stored"),
                        request ->
                                body(request)
                                        .flatMap(
                                                bytes ->
                                                        Mono.<Long>create(
                                                                sink ->
                                                                        noopProducer.send(
                                                                                new ProducerRecord<>(
                                                                                        STORED_TOPIC,
                                                                                        bytes),
                                                                                (metadata, e) -> {
                                                                                    if (e != null) {
                                                                                        sink.error(
                                                                                                e);
                                                                                    } else {
                                                                                        sink
                                                                                                .success(
                                                                                                        metadata
                                                                                                                .offset());
                                                                                    }
                                                                                })))
                                        .flatMap(
                                                offset ->
                                                        ServerResponse.ok()
                                                                .contentType(MediaType.TEXT_PLAIN)
                                                                .bodyValue("Accepted")))
                .build();
    }

    @Bean(destroyMethod = "close")
    KafkaProducer<byte[], byte[]> noopProducer(
            @Value("${hookstream.kafka.bootstrap-servers}") String bootstrap) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "bench-noop-stored",
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        1,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "lz4"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private static Mono<byte[]> body(ServerRequest request) {
        return RequestBodies.read(request, Integer.MAX_VALUE);
    }
}
