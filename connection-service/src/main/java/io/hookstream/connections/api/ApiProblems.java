package io.hookstream.connections.api;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.hookstream.webhook.spec.SpecProblem;

/** The control plane's RFC 9457 error answers. */
public final class ApiProblems {

    private ApiProblems() {
    }

    public static ErrorResponseException of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://hookstream.io/problems/" + status.value()));
        return new ErrorResponseException(status, problem, null);
    }

    /** 422 with every problem of an app definition, each with its directive path, line and column. */
    public static ErrorResponseException invalidSpec(List<SpecProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
            problems.size() == 1 ? problems.get(0).message() : problems.size() + " problems in the app definition");
        problem.setType(URI.create("https://hookstream.io/problems/invalid-spec"));
        problem.setTitle("Invalid app definition");
        problem.setProperty("problems", problems);
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }
}
