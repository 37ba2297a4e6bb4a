package io.hookstream.connections.connection;

import io.hookstream.connections.api.ApiProblems;
import io.hookstream.connections.api.Identifiers;
import io.hookstream.connections.ids.RandomIds;
import io.hookstream.connections.remote.CallContext;
import io.hookstream.connections.remote.RemoteFailure;
import io.hookstream.connections.store.ControlPlaneStore;
import io.hookstream.schemas.avro.App;
import io.hookstream.schemas.avro.Connection;
import io.hookstream.schemas.avro.ConnectionMetadata;
import io.hookstream.schemas.avro.Hook;
import io.hookstream.schemas.avro.HookStatus;
import io.hookstream.support.apps.AppCatalog;
import io.hookstream.support.problems.ProblemTypes;
import io.hookstream.webhook.connection.ConnectionCheck;
import io.hookstream.webhook.spec.AppDefinition;
import io.hookstream.webhook.spec.ConnectionDefinition;
import io.hookstream.webhook.spec.SpecProblem;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Connections: a user's credentials for an app. Every create, update and verify runs the app's
 * connection {@code info} request with the data (§7) and stores what it learnt: {@code uid} (the
 * routing key of shared webhooks), validity and the metadata label. The data itself never leaves
 * the control plane: answers list its keys only.
 */
@RestController
@RequestMapping("/api/connections")
class ConnectionsController {

    private static final Logger log = LoggerFactory.getLogger(ConnectionsController.class);

    private final ControlPlaneStore store;
    private final AppCatalog catalog;
    private final ConnectionChecks checks;
    private final ConnectionData stored;
    private final RandomIds ids;
    private final Clock clock;

    ConnectionsController(
            ControlPlaneStore store,
            AppCatalog catalog,
            ConnectionChecks checks,
            ConnectionData stored,
            RandomIds ids,
            Clock clock) {
        this.store = store;
        this.stored = stored;
        this.catalog = catalog;
        this.checks = checks;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * A request to create a connection; {@code data} holds the credentials, {@code parameters} no
     * secrets.
     */
    record CreateConnection(
            @Nullable String appId,
            @Nullable String userId,
            @Nullable JsonNode data,
            @Nullable JsonNode parameters) {}

    /** New data and/or parameters; an absent field keeps what is stored. */
    record UpdateConnection(@Nullable JsonNode data, @Nullable JsonNode parameters) {}

    /** A connection as the API shows it: the data's keys, never its values. */
    record ConnectionView(
            String connectionId,
            String appId,
            String userId,
            @Nullable String uid,
            boolean valid,
            @Nullable String error,
            @Nullable MetadataView metadata,
            JsonNode parameters,
            List<String> dataKeys,
            String createdAt,
            String updatedAt) {

        static ConnectionView of(Connection connection, List<String> dataKeys) {
            ConnectionMetadata metadata = connection.getMetadata();
            return new ConnectionView(
                    connection.getConnectionId(),
                    connection.getAppId(),
                    connection.getUserId(),
                    connection.getUid(),
                    connection.getValid(),
                    connection.getError(),
                    metadata == null
                            ? null
                            : new MetadataView(metadata.getType(), metadata.getValue()),
                    ConnectionData.parameters(connection),
                    dataKeys,
                    connection.getCreatedAt().toString(),
                    connection.getUpdatedAt().toString());
        }
    }

    /** The label shown next to a connection: {@code type} is {@code text} or {@code email}. */
    record MetadataView(String type, String value) {}

    /**
     * 201 when the provider accepted the data; 422 when it marked it invalid (nothing stored); 502
     * when it did not answer.
     */
    @PostMapping
    Mono<ResponseEntity<ConnectionView>> create(@RequestBody CreateConnection request) {
        // a JSON body may leave any field out
        String appId = Identifiers.require("appId", request.appId());
        String userId = Identifiers.require("userId", request.userId());
        ObjectNode data = object("data", request.data());
        ObjectNode parameters = object("parameters", request.parameters());
        AppDefinition app = definition(appId);
        requireDeclared(app, data, parameters);
        String connectionId = ids.next();
        return checks.verify(
                        app, CallContext.info(app.appId(), userId, connectionId), data, parameters)
                .flatMap(
                        verified -> {
                            ConnectionCheck check = verified.check();
                            if (!check.valid()) {
                                return Mono.error(
                                        ApiProblems.invalidConnection(
                                                verified.redactedError(),
                                                String.valueOf(check.errorType()),
                                                verified.outcome().status()));
                            }
                            Instant now = clock.instant();
                            Connection connection =
                                    stored.store(
                                                    Connection.newBuilder()
                                                            .setConnectionId(connectionId)
                                                            .setAppId(app.appId())
                                                            .setUserId(userId)
                                                            .setUid(check.uid())
                                                            .setValid(true)
                                                            .setError(null)
                                                            .setMetadata(metadata(check))
                                                            .setParameters(parameters.toString())
                                                            .setCreatedAt(now)
                                                            .setUpdatedAt(now),
                                                    verified.data())
                                            .build();
                            return store.putConnection(connection)
                                    .then(
                                            Mono.fromSupplier(
                                                    () -> {
                                                        log.info(
                                                                "event=connection_created connection={} app={} user={} uid={}",
                                                                connectionId,
                                                                app.appId(),
                                                                userId,
                                                                check.uid());
                                                        return ResponseEntity.created(
                                                                        URI.create(
                                                                                "/api/connections/"
                                                                                        + connectionId))
                                                                .body(view(connection));
                                                    }));
                        })
                .onErrorMap(RemoteFailure.class, ApiProblems::remoteFailure);
    }

    @GetMapping("/{connectionId}")
    Mono<ConnectionView> get(@PathVariable String connectionId) {
        return Mono.just(view(existing(connectionId)));
    }

    /** Every connection, or those of one user and/or one app. */
    @GetMapping
    List<ConnectionView> list(
            @RequestParam(required = false) @Nullable String userId,
            @RequestParam(required = false) @Nullable String appId) {
        return store.connections().stream()
                .filter(c -> userId == null || c.getUserId().equals(userId))
                .filter(c -> appId == null || c.getAppId().equals(appId))
                .sorted(
                        Comparator.comparing(Connection::getCreatedAt)
                                .thenComparing(Connection::getConnectionId))
                .map(this::view)
                .toList();
    }

    /**
     * Runs {@code info} again with the stored data: the provider may now report another identity
     * (uid) or refuse the credentials. A refusal is stored (valid false with the error, uid and
     * metadata kept so that the connection keeps its identity until it is fixed) and answered 200;
     * an unreachable provider changes nothing and answers 502.
     */
    @PostMapping("/{connectionId}/verify")
    Mono<ConnectionView> verify(@PathVariable String connectionId) {
        Connection current = existing(connectionId);
        AppDefinition app = definition(current.getAppId());
        ObjectNode data = stored.data(current);
        return checks.verify(
                        app,
                        CallContext.info(app.appId(), current.getUserId(), connectionId),
                        data,
                        ConnectionData.parameters(current))
                .flatMap(
                        verified -> {
                            Connection.Builder next =
                                    Connection.newBuilder(current).setUpdatedAt(clock.instant());
                            if (verified.check().valid()) {
                                stored.store(
                                        next.setValid(true)
                                                .setError(null)
                                                .setUid(verified.check().uid())
                                                .setMetadata(metadata(verified.check())),
                                        verified.data());
                            } else {
                                next.setValid(false).setError(verified.redactedError());
                            }
                            Connection updated = next.build();
                            return store.putConnection(updated)
                                    .then(
                                            Mono.fromSupplier(
                                                    () -> {
                                                        log.info(
                                                                "event=connection_verified connection={} app={} user={} valid={} uid={} uid_changed={}",
                                                                connectionId,
                                                                app.appId(),
                                                                current.getUserId(),
                                                                updated.getValid(),
                                                                updated.getUid(),
                                                                !Objects.equals(
                                                                        current.getUid(),
                                                                        updated.getUid()));
                                                        return view(updated);
                                                    }));
                        })
                .onErrorMap(RemoteFailure.class, ApiProblems::remoteFailure);
    }

    /**
     * Replaces the data and/or parameters, checked with {@code info} first: new credentials the
     * provider refuses are answered 422 and the stored connection stays as it was.
     */
    @PutMapping("/{connectionId}")
    Mono<ConnectionView> update(
            @PathVariable String connectionId, @RequestBody UpdateConnection request) {
        Connection current = existing(connectionId);
        ObjectNode data =
                request.data() == null ? stored.data(current) : object("data", request.data());
        ObjectNode parameters =
                request.parameters() == null
                        ? ConnectionData.parameters(current)
                        : object("parameters", request.parameters());
        AppDefinition app = definition(current.getAppId());
        return checks.verify(
                        app,
                        CallContext.info(app.appId(), current.getUserId(), connectionId),
                        data,
                        parameters)
                .flatMap(
                        verified -> {
                            ConnectionCheck check = verified.check();
                            if (!check.valid()) {
                                return Mono.error(
                                        ApiProblems.invalidConnection(
                                                verified.redactedError(),
                                                String.valueOf(check.errorType()),
                                                verified.outcome().status()));
                            }
                            Connection updated =
                                    stored.store(
                                                    Connection.newBuilder(current)
                                                            .setUid(check.uid())
                                                            .setValid(true)
                                                            .setError(null)
                                                            .setMetadata(metadata(check))
                                                            .setParameters(parameters.toString())
                                                            .setUpdatedAt(clock.instant()),
                                                    verified.data())
                                            .build();
                            return store.putConnection(updated)
                                    .then(
                                            Mono.fromSupplier(
                                                    () -> {
                                                        log.info(
                                                                "event=connection_updated connection={} app={} user={} uid={}",
                                                                connectionId,
                                                                app.appId(),
                                                                current.getUserId(),
                                                                updated.getUid());
                                                        return view(updated);
                                                    }));
                        })
                .onErrorMap(RemoteFailure.class, ApiProblems::remoteFailure);
    }

    /**
     * Deletes with a tombstone, so that compaction removes the credentials. Refused with 409 while
     * a hook that is not deleted uses the connection: deleting it first would leave those hooks
     * without the credentials their detach request needs, and shared subscriptions without their
     * uid.
     */
    @DeleteMapping("/{connectionId}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String connectionId) {
        Connection current = existing(connectionId);
        List<String> users =
                // a connection serves its own user's hooks only: their index, not every hook
                store.hookIndex().ofUser(current.getUserId()).stream()
                        .map(store::hook)
                        .filter(java.util.Objects::nonNull)
                        .filter(
                                h ->
                                        connectionId.equals(h.getConnectionId())
                                                && h.getStatus() != HookStatus.DELETED)
                        .map(Hook::getHookId)
                        .sorted()
                        .toList();
        if (!users.isEmpty()) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONFLICT,
                            "connection "
                                    + connectionId
                                    + " is used by "
                                    + users.size()
                                    + " hook(s); delete them first");
            problem.setType(ProblemTypes.named("connection-in-use"));
            problem.setProperty("hooks", users);
            return Mono.error(new ErrorResponseException(HttpStatus.CONFLICT, problem, null));
        }
        return store.deleteConnection(connectionId)
                .then(
                        Mono.fromSupplier(
                                () -> {
                                    log.info(
                                            "event=connection_deleted connection={} app={} user={}",
                                            connectionId,
                                            current.getAppId(),
                                            current.getUserId());
                                    return ResponseEntity.noContent().build();
                                }));
    }

    private ConnectionView view(Connection connection) {
        return ConnectionView.of(connection, stored.keys(connection));
    }

    private Connection existing(String connectionId) {
        Connection connection = store.connection(connectionId);
        if (connection == null) {
            throw ApiProblems.of(HttpStatus.NOT_FOUND, "no connection " + connectionId);
        }
        return connection;
    }

    private AppDefinition definition(String appId) {
        App app = store.app(appId);
        if (app == null) {
            throw ApiProblems.of(HttpStatus.UNPROCESSABLE_CONTENT, "no app " + appId);
        }
        if (!(catalog.compiled(app) instanceof AppCatalog.Compiled.Loaded loaded)) {
            throw ApiProblems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "app " + appId + " does not load; store it again");
        }
        return loaded.definition();
    }

    /**
     * The connection's declared parameters (an imported Make app's connection params) may be given
     * in {@code data} (credentials, sealed) or in {@code parameters}; a required one must be in
     * either, and a fixed {@code select} takes only its options.
     */
    private static void requireDeclared(AppDefinition app, ObjectNode data, ObjectNode parameters) {
        ConnectionDefinition connection = app.connection();
        if (connection == null) {
            return;
        }
        ObjectNode given = data.deepCopy();
        given.setAll(parameters.deepCopy());
        List<SpecProblem> invalid = connection.parameters().check(given);
        if (!invalid.isEmpty()) {
            throw ApiProblems.invalidParameters(invalid);
        }
    }

    private static ObjectNode object(String field, @Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!value.isObject()) {
            throw ApiProblems.of(HttpStatus.BAD_REQUEST, field + " must be a JSON object");
        }
        return (ObjectNode) value.deepCopy();
    }

    private static @Nullable ConnectionMetadata metadata(ConnectionCheck check) {
        ConnectionCheck.Metadata metadata = check.metadata();
        return metadata == null ? null : new ConnectionMetadata(metadata.type(), metadata.value());
    }
}
