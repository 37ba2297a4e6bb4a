package io.hookstream.ingress.http;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** Reads a request's body the one way the ingress does. */
public final class RequestBodies {

    private RequestBodies() {}

    /**
     * The whole body as bytes: its buffers joined, copied out and released; empty when there is
     * none. Fails with {@link DataBufferLimitException} as soon as more than {@code limit} bytes
     * arrived.
     */
    public static Mono<byte[]> read(ServerRequest request, long limit) {
        return DataBufferUtils.join(
                        request.body(BodyExtractors.toDataBuffers()),
                        (int) Math.min(Integer.MAX_VALUE, limit))
                .map(
                        buffer -> {
                            try {
                                byte[] bytes = new byte[buffer.readableByteCount()];
                                buffer.read(bytes);
                                return bytes;
                            } finally {
                                DataBufferUtils.release(buffer);
                            }
                        })
                .defaultIfEmpty(new byte[0]);
    }
}
