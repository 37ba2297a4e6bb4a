package io.hookstream.connections.makeapps;

import io.hookstream.connections.api.ApiProblems;
import io.hookstream.connections.api.Identifiers;
import io.hookstream.connections.store.ControlPlaneStore;
import io.hookstream.schemas.avro.App;
import io.hookstream.support.problems.ProblemTypes;
import io.hookstream.webhook.makeapp.MakeAppException;
import io.hookstream.webhook.makeapp.MakeAppImport;
import io.hookstream.webhook.makeapp.MakeAppImporter;
import io.hookstream.webhook.makeapp.ZipLimits;
import io.hookstream.webhook.makeapp.ZipProject;
import io.hookstream.webhook.spec.AppDefinitionParser;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/apps/{appId}/import}: a Make Apps SDK project as a zip, converted and (unless
 * {@code dryRun=true}) registered as the app {@code appId}, exactly as {@code PUT
 * /api/apps/{appId}} would store the converted definition. Answers {@code {appId, webhooks,
 * warnings}} (and {@code version} when stored); a project that cannot be imported is 422 {@code
 * invalid-import} with the file and JSON pointer of every problem.
 */
@RestController
@RequestMapping("/api/apps")
class MakeAppsController {

    private static final Logger log = LoggerFactory.getLogger(MakeAppsController.class);

    /** The upload itself; {@link ZipLimits#DEFAULTS} bounds what it inflates to. */
    static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

    private final ControlPlaneStore store;
    private final MakeAppImporter importer;
    private final Clock clock;

    MakeAppsController(ControlPlaneStore store, AppDefinitionParser parser, Clock clock) {
        this.store = store;
        this.importer = new MakeAppImporter(parser);
        this.clock = clock;
    }

    @PostMapping(path = "/{appId}/import")
    Mono<ResponseEntity<ObjectNode>> importProject(
            @PathVariable String appId,
            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun,
            @RequestBody Flux<DataBuffer> body) {
        Identifiers.require("appId", appId);
        return DataBufferUtils.join(body, MAX_UPLOAD_BYTES)
                .onErrorMap(
                        DataBufferLimitException.class,
                        e ->
                                ApiProblems.of(
                                        HttpStatus.CONTENT_TOO_LARGE,
                                        "the project zip is larger than "
                                                + MAX_UPLOAD_BYTES
                                                + " bytes"))
                .switchIfEmpty(
                        Mono.error(
                                () ->
                                        ApiProblems.of(
                                                HttpStatus.BAD_REQUEST,
                                                "the body must be the project as a zip")))
                .map(MakeAppsController::bytes)
                .publishOn(Schedulers.boundedElastic())
                .map(zip -> convert(appId, zip))
                .flatMap(
                        imported ->
                                dryRun
                                        ? Mono.just(answer(imported, null, HttpStatus.OK))
                                        : register(imported));
    }

    private MakeAppImport convert(String appId, byte[] zip) {
        try {
            return importer.importProject(
                    appId, ZipProject.read(new ByteArrayInputStream(zip), ZipLimits.DEFAULTS));
        } catch (MakeAppException e) {
            log.info("event=make_import_refused app={} problems={}", appId, e.problems().size());
            throw invalidImport(e);
        }
    }

    private Mono<ResponseEntity<ObjectNode>> register(MakeAppImport imported) {
        String appId = imported.appId();
        App previous = store.app(appId);
        long version = previous == null ? 1 : previous.getVersion() + 1;
        App app =
                App.newBuilder()
                        .setAppId(appId)
                        .setDefinition(imported.definition().toString())
                        .setVersion(version)
                        .setUpdatedAt(clock.instant())
                        .build();
        return store.putApp(app)
                .then(
                        Mono.fromSupplier(
                                () -> {
                                    log.info(
                                            "event=app_imported app={} version={} webhooks={} warnings={}",
                                            appId,
                                            version,
                                            imported.webhooks().size(),
                                            imported.warnings().size());
                                    return answer(
                                            imported,
                                            version,
                                            previous == null ? HttpStatus.CREATED : HttpStatus.OK);
                                }));
    }

    private static ResponseEntity<ObjectNode> answer(
            MakeAppImport imported,
            @org.jspecify.annotations.Nullable Long version,
            HttpStatus status) {
        ObjectNode summary = imported.summary();
        if (version != null) {
            summary.put("version", version);
        }
        return ResponseEntity.status(status).body(summary);
    }

    private static ErrorResponseException invalidImport(MakeAppException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        e.problems().size() == 1
                                ? e.problems().get(0).toString()
                                : e.problems().size() + " problems in the project");
        problem.setType(ProblemTypes.named("invalid-import"));
        problem.setTitle("The project cannot be imported");
        problem.setProperty("problems", e.problems());
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
