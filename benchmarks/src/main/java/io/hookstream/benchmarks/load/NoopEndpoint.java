package io.hookstream.benchmarks.load;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The framework ceiling of the ingress benchmark: {@code ANY /noop} reads the whole body the way the
 * webhook handler does (joined data buffers, copied out, released) and answers {@code 200 Accepted}.
 * It is added to the ingress's own application context, so it runs on the same server, filters and
 * event loops as the webhook routes.
 */
@Configuration(proxyBeanMethods = false)
public class NoopEndpoint {

    @Bean
    RouterFunction<ServerResponse> noopRoute() {
        return RouterFunctions.route()
            .route(path("/noop"), request -> DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()))
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes.length;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(0)
                .flatMap(length -> ServerResponse.ok().contentType(MediaType.TEXT_PLAIN).bodyValue("Accepted")))
            .build();
    }
}
