package io.hookstream.connections.api;

import io.hookstream.connections.remote.RemoteFailure;
import io.hookstream.support.problems.ProblemTypes;
import io.hookstream.webhook.spec.SpecProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The control plane's RFC 9457 error answers. */
public final class ApiProblems {

    private ApiProblems() {}

    public static ErrorResponseException of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.forStatus(status.value()));
        return new ErrorResponseException(status, problem, null);
    }

    /**
     * 422 with every problem of an app definition, each with its directive path, line and column.
     */
    public static ErrorResponseException invalidSpec(List<SpecProblem> problems) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        problems.size() == 1
                                ? problems.get(0).message()
                                : problems.size() + " problems in the app definition");
        problem.setType(ProblemTypes.named("invalid-spec"));
        problem.setTitle("Invalid app definition");
        problem.setProperty("problems", problems);
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }

    /**
     * Parameters that do not fit the schema the webhook or connection declares: 422 {@code
     * invalid-parameters} with {@code problems[]}, each at {@code parameters.<name>}.
     */
    public static ErrorResponseException invalidParameters(List<SpecProblem> problems) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        problems.stream()
                                .map(SpecProblem::message)
                                .collect(java.util.stream.Collectors.joining("; ")));
        problem.setType(ProblemTypes.named("invalid-parameters"));
        problem.setTitle("Invalid parameters");
        problem.setProperty("problems", problems);
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }

    /**
     * A remote request without a usable answer: 422 when the app's request directive could not be
     * evaluated (with {@code code} and {@code directivePath}), else 502 with the {@code reason}
     * ({@code unreachable}, {@code timeout}, {@code too-large}), and 422 {@code
     * destination_not_allowed} when the outbound guard refused the destination. The failure's
     * message is already redacted.
     */
    public static ErrorResponseException remoteFailure(RemoteFailure failure) {
        if (failure.reason() == RemoteFailure.Reason.DESTINATION_NOT_ALLOWED) {
            return destinationNotAllowed(failure);
        }
        HttpStatus status =
                failure.isDefinitionError()
                        ? HttpStatus.UNPROCESSABLE_CONTENT
                        : HttpStatus.BAD_GATEWAY;
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(status, String.valueOf(failure.getMessage()));
        problem.setType(ProblemTypes.named("remote-" + failure.reason().label()));
        problem.setTitle(
                failure.isDefinitionError() ? "Request directive failed" : "Remote service failed");
        problem.setProperty("reason", failure.reason().label());
        if (failure.code() != null) {
            problem.setProperty("code", failure.code());
        }
        if (failure.directivePath() != null) {
            problem.setProperty("directivePath", failure.directivePath());
        }
        return new ErrorResponseException(status, problem, null);
    }

    /**
     * 422 {@code destination_not_allowed}: the request was not sent, its host being or resolving to
     * an address outside the public internet. Names the host, never the address it resolved to.
     */
    private static ErrorResponseException destinationNotAllowed(RemoteFailure failure) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.UNPROCESSABLE_CONTENT, String.valueOf(failure.getMessage()));
        problem.setType(ProblemTypes.named("destination_not_allowed"));
        problem.setTitle("Destination not allowed");
        problem.setProperty("reason", failure.reason().label());
        if (failure.host() != null) {
            problem.setProperty("host", failure.host());
        }
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }

    /**
     * 422: the connection's {@code info} response marked it invalid (§7). {@code message} and
     * {@code errorType} come from the response block, already redacted.
     */
    public static ErrorResponseException invalidConnection(
            String message, String errorType, int remoteStatus) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, message);
        problem.setType(ProblemTypes.named("invalid-connection"));
        problem.setTitle("Invalid connection");
        problem.setProperty("errorType", errorType);
        problem.setProperty("remoteStatus", remoteStatus);
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }

    /**
     * 502: the provider refused an attach or detach request; {@code detail} is already redacted.
     */
    public static ErrorResponseException remoteRefused(
            String action, String detail, int remoteStatus) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, detail);
        problem.setType(ProblemTypes.named(action + "-refused"));
        problem.setTitle("Remote service refused the " + action + " request");
        problem.setProperty("reason", "refused");
        problem.setProperty("remoteStatus", remoteStatus);
        return new ErrorResponseException(HttpStatus.BAD_GATEWAY, problem, null);
    }
}
