package io.hookstream.connections.replay;

import io.hookstream.connections.api.ApiProblems;
import io.hookstream.connections.api.Identifiers;
import io.hookstream.connections.api.ReadPermits;
import io.hookstream.operations.replay.WindowReplay;
import io.hookstream.operations.scan.MissingTopicException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Replay of a time window: counted first ({@code dryRun}, answered with the counts), then run in
 * the background with its progress to poll; while one runs, another is answered with 409.
 */
@RestController
@RequestMapping("/api/replay")
class ReplayController {

    private final WindowReplay replay;
    private final Replays replays;
    private final ReadPermits counts;
    private final ReplaySettings settings;
    private final Clock clock;

    ReplayController(WindowReplay replay, Replays replays, ReplaySettings settings, Clock clock) {
        this.replay = replay;
        this.replays = replays;
        this.counts = new ReadPermits(settings.concurrentCounts(), "replay counts");
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping
    Mono<ResponseEntity<ReplayView>> replay(@RequestBody ReplayRequest request) {
        WindowReplay.Window window = window(request);
        if (Boolean.TRUE.equals(request.dryRun())) {
            Instant started = clock.instant();
            return Mono.fromCallable(
                            () -> {
                                WindowReplay.Result counted;
                                try {
                                    counted = counts.with(() -> replay.run(window, true, c -> {}));
                                } catch (MissingTopicException e) {
                                    throw ApiProblems.of(
                                            HttpStatus.SERVICE_UNAVAILABLE,
                                            String.valueOf(e.getMessage()));
                                }
                                return ResponseEntity.ok(
                                        ReplayView.of(
                                                null,
                                                "done",
                                                true,
                                                window,
                                                counted.counts(),
                                                null,
                                                started,
                                                clock.instant()));
                            })
                    .subscribeOn(Schedulers.boundedElastic())
                    .onErrorMap(
                            KafkaException.class,
                            e ->
                                    ApiProblems.of(
                                            HttpStatus.SERVICE_UNAVAILABLE,
                                            "the broker did not answer: " + e.getMessage()));
        }
        Replays.Started started = replays.start(window);
        ReplayView view = started.replay();
        URI location = URI.create("/api/replay/" + view.replayId());
        return Mono.just(
                started.started()
                        ? ResponseEntity.accepted().location(location).body(view)
                        : ResponseEntity.status(HttpStatus.CONFLICT).location(location).body(view));
    }

    @GetMapping("/{replayId}")
    ReplayView state(@PathVariable String replayId) {
        String id = Identifiers.require("replayId", replayId);
        return replays.get(id)
                .orElseThrow(
                        () ->
                                ApiProblems.of(
                                        HttpStatus.NOT_FOUND,
                                        "no replay "
                                                + id
                                                + " (only the last "
                                                + settings.keptReplays()
                                                + " are kept)"));
    }

    private WindowReplay.Window window(ReplayRequest request) {
        Instant from = instant("from", request.from());
        Instant to = instant("to", request.to());
        if (!from.isBefore(to)) {
            throw ApiProblems.of(
                    HttpStatus.BAD_REQUEST, "from (" + from + ") must be before to (" + to + ")");
        }
        if (Duration.between(from, to).compareTo(settings.maxWindow()) > 0) {
            throw ApiProblems.of(
                    HttpStatus.BAD_REQUEST,
                    "the window is longer than "
                            + settings.maxWindow()
                            + " (hookstream.control.replay.max-window); replay it in parts");
        }
        String hookId = blankToNull(request.hookId());
        String appId = blankToNull(request.appId());
        if (hookId != null && appId != null) {
            throw ApiProblems.of(
                    HttpStatus.BAD_REQUEST,
                    "name a hook or an app, not both: every hook belongs to one app");
        }
        return new WindowReplay.Window(
                from,
                to,
                hookId == null ? null : Identifiers.require("hookId", hookId),
                appId == null ? null : Identifiers.require("appId", appId));
    }

    private static Instant instant(String name, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw ApiProblems.of(
                    HttpStatus.BAD_REQUEST,
                    name + " is required: an ISO-8601 instant such as 2026-12-04T10:15:30Z");
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblems.of(
                    HttpStatus.BAD_REQUEST,
                    name
                            + " must be an ISO-8601 instant such as 2026-12-04T10:15:30Z: "
                            + cut(text));
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** What a caller wrote, shortened before it is echoed back. */
    private static String cut(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }
}
