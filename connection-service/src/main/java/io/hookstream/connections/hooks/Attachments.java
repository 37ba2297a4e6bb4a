package io.hookstream.connections.hooks;

import io.hookstream.connections.api.ApiProblems;
import io.hookstream.connections.connection.ConnectionData;
import io.hookstream.connections.remote.CallContext;
import io.hookstream.connections.remote.RemoteRequests;
import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.webhook.connection.ConnectionCheck;
import io.hookstream.webhook.connection.ConnectionScope;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.RequestSpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The attach and detach requests of attached dedicated hooks (§6.5): attach registers the hook's
 * URL with the provider and its {@code response.data} becomes the hook's {@code webhook} variable;
 * detach unregisters it with that variable, e.g. {@code DELETE .../{{webhook.externalHookId}}}.
 */
@Component
class Attachments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RemoteRequests remote;
    private final ConnectionData connections;

    Attachments(RemoteRequests remote, ConnectionData connections) {
        this.remote = remote;
        this.connections = connections;
    }

    /**
     * Runs {@code attach} for a hook about to be stored.
     *
     * @return the hook with the attach data set; or an error: 502 when the provider answered
     *     outside 2xx or its answer is invalid by the response block, a remote failure when it did
     *     not answer
     */
    Mono<Hook> attach(
            AppDefinition app,
            RequestSpec attach,
            Hook hook,
            String hookUrl,
            @Nullable Connection connection) {
        ObjectNode webhook =
                JsonNodeFactory.instance
                        .objectNode()
                        .put("id", hook.getHookId())
                        .put("url", hookUrl);
        ConnectionScope scope = scope(app, hook, connection, webhook);
        CallContext context =
                CallContext.attach(
                        app.appId(), hook.getUserId(), hook.getConnectionId(), hook.getHookId());
        return remote.call(context, app, attach, scope)
                .flatMap(
                        outcome -> {
                            ConnectionCheck check = outcome.check();
                            if (!isSuccess(outcome.status()) || !check.valid()) {
                                String detail =
                                        "the provider refused the attach request with status "
                                                + outcome.status()
                                                + (check.valid()
                                                        ? ""
                                                        : ": "
                                                                + outcome.redactor()
                                                                        .redact(
                                                                                String.valueOf(
                                                                                        check
                                                                                                .errorMessage())));
                                return Mono.error(
                                        ApiProblems.remoteRefused(
                                                "attach", detail, outcome.status()));
                            }
                            // an attach without response.data still leaves a record, so that the
                            // hook shows as attached
                            JsonNode data = check.data();
                            return Mono.just(
                                    Hook.newBuilder(hook)
                                            .setWebhookData(data == null ? "{}" : data.toString())
                                            .build());
                        });
    }

    /**
     * Runs {@code detach} with the saved attach data as {@code webhook}. A 404 or 410 counts as
     * done: the provider no longer knows the registration, which is what detach wants.
     *
     * @return the remote status; or an error: 502 when the provider refused, a remote failure when
     *     it did not answer
     */
    Mono<Integer> detach(
            AppDefinition app, RequestSpec detach, Hook hook, @Nullable Connection connection) {
        JsonNode webhook =
                hook.getWebhookData() == null ? null : JSON.readTree(hook.getWebhookData());
        ConnectionScope scope = scope(app, hook, connection, webhook);
        CallContext context =
                CallContext.detach(
                        app.appId(), hook.getUserId(), hook.getConnectionId(), hook.getHookId());
        return remote.send(context, app, detach, scope)
                .flatMap(
                        outcome -> {
                            int status = outcome.status();
                            if (isSuccess(status) || status == 404 || status == 410) {
                                return Mono.just(status);
                            }
                            return Mono.error(
                                    ApiProblems.remoteRefused(
                                            "detach",
                                            "the provider refused the detach request with status "
                                                    + status,
                                            status));
                        });
    }

    private ConnectionScope scope(
            AppDefinition app,
            Hook hook,
            @Nullable Connection connection,
            @Nullable JsonNode webhook) {
        return ConnectionScope.of(
                JSON.readTree(hook.getParameters()),
                app.common(),
                connection == null ? null : connections.data(connection),
                webhook,
                app.timezone());
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status <= 299;
    }
}
