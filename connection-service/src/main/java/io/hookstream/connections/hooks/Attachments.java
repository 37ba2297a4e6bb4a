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
import java.util.List;
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
     * Runs the {@code attach} requests for a hook about to be stored, in order, each seeing the
     * previous one's {@code response.temp} as {@code temp}.
     *
     * @return the hook with the attach data set (the {@code response.data} of every request, later
     *     keys winning); or an error: 502 when the provider answered outside 2xx or its answer is
     *     invalid by the response block, a remote failure when it did not answer
     */
    Mono<Hook> attach(
            AppDefinition app,
            List<RequestSpec> attach,
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
        return attachFrom(0, app, attach, scope, context, null)
                .map(
                        data ->
                                // an attach without response.data still leaves a record, so that
                                // the hook shows as attached
                                Hook.newBuilder(hook)
                                        .setWebhookData(data == null ? "{}" : data.toString())
                                        .build())
                .defaultIfEmpty(Hook.newBuilder(hook).setWebhookData("{}").build());
    }

    private Mono<JsonNode> attachFrom(
            int index,
            AppDefinition app,
            List<RequestSpec> chain,
            ConnectionScope scope,
            CallContext context,
            @Nullable JsonNode data) {
        if (index == chain.size()) {
            return data == null ? Mono.empty() : Mono.just(data);
        }
        return remote.call(context, app, chain.get(index), scope)
                .flatMap(
                        outcome -> {
                            ConnectionCheck check = outcome.check();
                            if (!isSuccess(outcome.status()) || !check.valid()) {
                                String detail =
                                        "the provider refused the attach request"
                                                + (chain.size() > 1 ? " " + (index + 1) : "")
                                                + " with status "
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
                            return attachFrom(
                                    index + 1,
                                    app,
                                    chain,
                                    scope.withTemp(check.temp()),
                                    context,
                                    merged(data, check.data()));
                        });
    }

    /** Objects merge, later keys winning; anything else replaces what came before. */
    private static @Nullable JsonNode merged(@Nullable JsonNode before, @Nullable JsonNode added) {
        if (added == null) {
            return before;
        }
        if (before instanceof ObjectNode object && added.isObject()) {
            ObjectNode copy = object.deepCopy();
            copy.setAll((ObjectNode) added);
            return copy;
        }
        return added;
    }

    /**
     * Runs the {@code detach} requests with the saved attach data as {@code webhook}, chained
     * through {@code temp} like attach. A 404 or 410, or an error the response blocks (the
     * request's or the base's) type as {@code Ignore}, counts as done and ends the chain: the
     * provider no longer knows the registration, which is what detach wants.
     *
     * @return the last remote status; or an error: 502 when the provider refused, a remote failure
     *     when it did not answer
     */
    Mono<Integer> detach(
            AppDefinition app,
            List<RequestSpec> detach,
            Hook hook,
            @Nullable Connection connection) {
        JsonNode webhook =
                hook.getWebhookData() == null ? null : JSON.readTree(hook.getWebhookData());
        ConnectionScope scope = scope(app, hook, connection, webhook);
        CallContext context =
                CallContext.detach(
                        app.appId(), hook.getUserId(), hook.getConnectionId(), hook.getHookId());
        return detachFrom(0, app, detach, scope, context, 0);
    }

    private Mono<Integer> detachFrom(
            int index,
            AppDefinition app,
            List<RequestSpec> chain,
            ConnectionScope scope,
            CallContext context,
            int lastStatus) {
        if (index == chain.size()) {
            return Mono.just(lastStatus);
        }
        return remote.call(context, app, chain.get(index), scope)
                .flatMap(
                        outcome -> {
                            int status = outcome.status();
                            ConnectionCheck check = outcome.check();
                            if (status == 404 || status == 410 || check.ignored()) {
                                return Mono.just(status);
                            }
                            if (isSuccess(status) && check.valid()) {
                                return detachFrom(
                                        index + 1,
                                        app,
                                        chain,
                                        scope.withTemp(check.temp()),
                                        context,
                                        status);
                            }
                            return Mono.error(
                                    ApiProblems.remoteRefused(
                                            "detach",
                                            "the provider refused the detach request"
                                                    + (chain.size() > 1 ? " " + (index + 1) : "")
                                                    + " with status "
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
