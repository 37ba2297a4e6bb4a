package io.hookstream.ingress.requests;

import io.hookstream.ingress.publish.EventIds;
import io.hookstream.schemas.avro.Header;
import io.hookstream.schemas.avro.RequestRecord;
import io.hookstream.schemas.topic.Topic;
import io.hookstream.webhook.masking.RequestMask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Writes the request log. {@link #record} never blocks and never fails: it takes the record from
 * the budget, masks and caps it, and offers it to a bounded queue that one thread of its own drains
 * into a Kafka producer. That thread may block (a broker that is away), the answering path never
 * does; what does not fit is dropped and counted ({@code hookstream.ingress.request_log{result}}:
 * written, over_budget, overflow, failed).
 */
public final class RequestLog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);
    private static final int MAX_PATH = 1024;
    private static final int MAX_REASON = 2048;

    private final RequestLogSettings settings;
    private final Topic<String, RequestRecord> topic;
    private final RequestLogBudget budget;
    private final EventIds ids;
    private final BlockingQueue<ProducerRecord<String, RequestRecord>> queue;
    private final KafkaProducer<String, RequestRecord> producer;
    private final Thread writer;
    private final Counter written;
    private final Counter overBudget;
    private final Counter overflow;
    private final Counter failed;
    private volatile boolean running = true;

    public RequestLog(
            RequestLogSettings settings,
            String bootstrapServers,
            String clientId,
            Topic<String, RequestRecord> topic,
            EventIds ids,
            MeterRegistry meters) {
        this.settings = settings;
        this.topic = topic;
        this.ids = ids;
        this.budget =
                new RequestLogBudget(
                        settings.perHookPerSecond(),
                        settings.unknownPerSecond(),
                        settings.totalPerSecond());
        this.queue = new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity()));
        this.written = counter(meters, "written");
        this.overBudget = counter(meters, "over_budget");
        this.overflow = counter(meters, "overflow");
        this.failed = counter(meters, "failed");
        this.producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ProducerConfig.CLIENT_ID_CONFIG,
                                clientId,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.LINGER_MS_CONFIG,
                                20,
                                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                                "lz4"),
                        topic.keySerde().serializer(),
                        topic.valueSerde().serializer());
        this.writer = new Thread(this::drain, "request-log");
        writer.setDaemon(true);
        writer.start();
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return meters.counter("hookstream.ingress.request_log", "result", result);
    }

    /** Records a request answered without an accepted event, if the budget allows. */
    public void record(ReceivedRequest request, Refusal refusal) {
        if (!settings.enabled()) {
            return;
        }
        RequestTarget target = request.target();
        if (!budget.admit(target.key(), target.known(), request.receivedAt().toEpochMilli())) {
            overBudget.increment();
            return;
        }
        RequestRecord record;
        try {
            record = toRecord(request, refusal);
        } catch (RuntimeException e) {
            // a record that cannot be built is not worth failing the answer for
            failed.increment();
            log.warn(
                    "event=request_log_skipped target={} reason=\"{}\"",
                    target.key(),
                    e.toString());
            return;
        }
        if (!queue.offer(new ProducerRecord<>(topic.name(), target.key(), record))) {
            overflow.increment();
        }
    }

    private RequestRecord toRecord(ReceivedRequest request, Refusal refusal) {
        RequestTarget target = request.target();
        RequestMask mask = new RequestMask(target.logSanitize(), settings.maxHeaderValue());
        List<Header> headers = new ArrayList<>(request.headers().size());
        for (Map.Entry<String, String> h : mask.headers(request.headers())) {
            headers.add(new Header(h.getKey(), h.getValue()));
        }
        byte[] body = request.body();
        byte[] preview =
                body == null
                        ? new byte[0]
                        : mask.bodyPreview(
                                body,
                                request.contentType(),
                                (int) settings.bodyPreview().toBytes());
        return RequestRecord.newBuilder()
                .setRequestId(ids.next())
                .setReceivedAt(request.receivedAt())
                .setKind(target.kind())
                .setHookId(target.hookId())
                .setAppId(target.appId())
                .setWebhookName(target.webhookName())
                .setMethod(request.method())
                .setPath(cut(request.path(), MAX_PATH))
                .setStatus(refusal.status())
                .setOutcome(refusal.outcome())
                .setReason(refusal.reason() == null ? null : cut(refusal.reason(), MAX_REASON))
                .setDirectivePath(refusal.directivePath())
                .setEventId(refusal.eventId())
                .setHeaders(headers)
                .setBodyPreview(ByteBuffer.wrap(preview))
                .setBodySize(request.bodySize())
                .setRemoteAddress(request.remoteAddress())
                .build();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private void drain() {
        while (running || !queue.isEmpty()) {
            ProducerRecord<String, RequestRecord> next;
            try {
                next = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next == null) {
                continue;
            }
            try {
                producer.send(
                        next,
                        (metadata, error) -> {
                            if (error == null) {
                                written.increment();
                            } else {
                                failed.increment();
                            }
                        });
            } catch (RuntimeException e) {
                failed.increment();
            }
        }
    }

    /** Writes what is queued, within a few seconds, then closes the producer. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(Duration.ofSeconds(5).toMillis());
        producer.close(Duration.ofSeconds(5));
    }
}
