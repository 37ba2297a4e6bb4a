package io.hookstream.connections.connection;

import io.hookstream.connections.api.ApiProblems;
import io.hookstream.connections.remote.CallContext;
import io.hookstream.connections.remote.RemoteRequests;
import io.hookstream.webhook.connection.ConnectionCheck;
import io.hookstream.webhook.connection.ConnectionScope;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.ConnectionDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Runs an app's connection {@code info} request for given data and parameters (§7). */
@Component
class ConnectionChecks {

    private final RemoteRequests remote;

    ConnectionChecks(RemoteRequests remote) {
        this.remote = remote;
    }

    /**
     * What an {@code info} request said.
     *
     * @param outcome the remote status, the response block's verdict and the exchange's redactor
     * @param data the data to store when valid: the given data with {@code response.data} merged
     *     over it
     */
    record Verified(RemoteRequests.Outcome outcome, ObjectNode data) {

        ConnectionCheck check() {
            return outcome.check();
        }

        /** The §7 error message with every secret of the exchange masked. */
        String redactedError() {
            return outcome.redactor().redact(String.valueOf(check().errorMessage()));
        }
    }

    /**
     * @return the verdict, or an error: 422 when the app has no connection or its directives fail,
     *     {@link io.hookstream.connections.remote.RemoteFailure} when the provider gave no usable
     *     answer
     */
    Mono<Verified> verify(
            AppDefinition app, CallContext context, ObjectNode data, ObjectNode parameters) {
        ConnectionDefinition definition = app.connection();
        if (definition == null) {
            return Mono.error(
                    ApiProblems.of(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "app " + app.appId() + " has no connection"));
        }
        ConnectionScope scope =
                ConnectionScope.of(parameters, app.common(), data, null, app.timezone());
        return remote.call(context, app, definition.info(), scope)
                .flatMap(
                        outcome -> {
                            JsonNode added = outcome.check().data();
                            if (outcome.check().valid() && added != null && !added.isObject()) {
                                return Mono.error(
                                        ApiProblems.of(
                                                HttpStatus.UNPROCESSABLE_CONTENT,
                                                "connection.info.response.data must evaluate to an object"));
                            }
                            ObjectNode merged = data.deepCopy();
                            if (outcome.check().valid() && added != null) {
                                merged.setAll((ObjectNode) added);
                            }
                            return Mono.just(new Verified(outcome, merged));
                        });
    }
}
