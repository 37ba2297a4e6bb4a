package io.hookstream.ingress.http;

import io.hookstream.support.problems.ProblemTypes;
import io.hookstream.webhook.pipeline.HttpAnswer;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Turns pipeline answers and edge refusals into HTTP responses. */
final class Answers {

    private Answers() {}

    /**
     * The header that tells a sender which event its accepted request became, for tracing and
     * support.
     */
    static final String EVENT_ID_HEADER = "Hookstream-Event-Id";

    /**
     * The answer rendered by the webhook spec (respond, verification, signature failure or D2
     * default).
     */
    static Mono<ServerResponse> of(HttpAnswer answer) {
        return builder(answer, ServerResponse.status(answer.status()));
    }

    /** The answer to an accepted request, which also names the stored event. */
    static Mono<ServerResponse> accepted(HttpAnswer answer, String eventId) {
        return builder(
                answer, ServerResponse.status(answer.status()).header(EVENT_ID_HEADER, eventId));
    }

    private static Mono<ServerResponse> builder(
            HttpAnswer answer, ServerResponse.BodyBuilder builder) {
        for (Map.Entry<String, String> header : answer.headers()) {
            builder.header(header.getKey(), header.getValue());
        }
        if (answer.contentType() != null) {
            builder.header("Content-Type", answer.contentType());
        }
        return answer.body().length == 0 ? builder.build() : builder.bodyValue(answer.body());
    }

    /**
     * An RFC 9457 problem answer for a request refused before its body was read. HTTP/1.1 then
     * requires the server to close the connection: the unread body would otherwise be parsed as the
     * next request on a kept-alive connection, and the HTTP server does not do this on its own.
     */
    static Mono<ServerResponse> refused(HttpStatus status, String detail) {
        return refused(status, detail, ServerResponse.status(status));
    }

    private static Mono<ServerResponse> refused(
            HttpStatus status, String detail, ServerResponse.BodyBuilder builder) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.forStatus(status.value()));
        return builder.header("Connection", "close")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }

    /**
     * 429 with Retry-After: the hook's rate limit is used up for now; refused before the body is
     * read.
     */
    static Mono<ServerResponse> tooManyRequests(long retryAfterSeconds) {
        return refused(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate limit of this webhook exceeded",
                ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /**
     * 503 with Retry-After and {@code Connection: close}: the ingress is stopping and took nothing;
     * the sender tries again, on another instance behind the same address.
     */
    static Mono<ServerResponse> draining(Duration retryAfter) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.SERVICE_UNAVAILABLE, "the ingress is stopping; retry later");
        problem.setType(ProblemTypes.forStatus(503));
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())))
                .header("Connection", "close")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }

    /** 503 with Retry-After: the event could not be stored, the sender must try again. */
    static Mono<ServerResponse> unavailable(Duration retryAfter, String detail) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(ProblemTypes.forStatus(503));
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }
}
