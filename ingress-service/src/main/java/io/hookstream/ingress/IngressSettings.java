package io.hookstream.ingress;

import io.hookstream.ingress.publish.RawEventKeys;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * Limits and timeouts of the edge.
 *
 * @param publicBaseUrl the base of hook URLs as callers see them
 * @param publishTimeout how long a request waits for the broker's acknowledgement before it is
 *     answered 503
 * @param retryAfter the {@code Retry-After} advertised with a 503
 * @param maxBodySize larger bodies are answered 413 without being read in full
 * @param lookupTimeout how long an unknown hook id waits for the hook views to catch up before a
 *     404
 * @param rateLimitRequests requests a hook (or shared webhook) may receive per {@code
 *     rateLimitPeriod}, then 429; an app may set its own in its definition
 * @param rateLimitPeriod the period of the rate limit
 * @param maxHeaders requests with more header fields are refused with 431
 * @param readTimeout a body that has not fully arrived after this long is refused with 408, so slow
 *     senders cannot hold connections and memory
 * @param producerLinger how long the publisher waits to fill a batch before sending it to the
 *     broker; every accepted request waits at least this long for its acknowledgement
 * @param producerCompression the producer's compression of raw event batches ({@code none}, {@code
 *     lz4}, {@code zstd}, ...): less disk and network for CPU on both the ingress and the broker
 * @param producerBatchSize the most bytes of one partition's batch; a full batch is sent without
 *     waiting for the linger. Kafka's default, 16 KB, holds about a dozen 1 KB events; 256 KB
 *     measured no better in the ingress benchmark (dedicated hook: 24.9–26.0k against 25.8–27.7k
 *     requests/s)
 * @param sharedEventKey what keys the raw events of shared webhooks: {@code event} (default)
 *     spreads them over all partitions, {@code app} keeps each app's events in order on one
 *     partition (see {@link io.hookstream.ingress.publish.RawEventKeys})
 */
@ConfigurationProperties("hookstream.ingress")
public record IngressSettings(
        String publicBaseUrl,
        Duration publishTimeout,
        Duration retryAfter,
        DataSize maxBodySize,
        Duration lookupTimeout,
        int rateLimitRequests,
        Duration rateLimitPeriod,
        int maxHeaders,
        Duration readTimeout,
        Duration producerLinger,
        String producerCompression,
        DataSize producerBatchSize,
        RawEventKeys.SharedKey sharedEventKey) {

    /** What the binder calls: unset keys arrive as null and take their defaults. */
    @ConstructorBinding
    public IngressSettings(
            @Nullable String publicBaseUrl,
            @Nullable Duration publishTimeout,
            @Nullable Duration retryAfter,
            @Nullable DataSize maxBodySize,
            @Nullable Duration lookupTimeout,
            @Nullable Integer rateLimitRequests,
            @Nullable Duration rateLimitPeriod,
            @Nullable Integer maxHeaders,
            @Nullable Duration readTimeout,
            @Nullable Duration producerLinger,
            @Nullable String producerCompression,
            @Nullable DataSize producerBatchSize,
            RawEventKeys.@Nullable SharedKey sharedEventKey) {
        this(
                publicBaseUrl == null ? "http://localhost:8080" : publicBaseUrl,
                publishTimeout == null ? Duration.ofSeconds(5) : publishTimeout,
                retryAfter == null ? Duration.ofSeconds(5) : retryAfter,
                maxBodySize == null ? DataSize.ofMegabytes(5) : maxBodySize,
                lookupTimeout == null ? Duration.ofSeconds(2) : lookupTimeout,
                rateLimitRequests == null ? 300 : rateLimitRequests,
                rateLimitPeriod == null ? Duration.ofSeconds(10) : rateLimitPeriod,
                maxHeaders == null ? 100 : maxHeaders,
                readTimeout == null ? Duration.ofSeconds(10) : readTimeout,
                producerLinger == null ? Duration.ofMillis(1) : producerLinger,
                producerCompression == null ? "lz4" : producerCompression,
                producerBatchSize == null ? DataSize.ofKilobytes(16) : producerBatchSize,
                sharedEventKey == null ? RawEventKeys.SharedKey.EVENT : sharedEventKey);
    }
}
