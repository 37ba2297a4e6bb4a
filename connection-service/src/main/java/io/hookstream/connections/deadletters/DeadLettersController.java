package io.hookstream.connections.deadletters;

import io.hookstream.connections.activity.HeaderView;
import io.hookstream.connections.api.ApiProblems;
import io.hookstream.connections.api.ReadPermits;
import io.hookstream.connections.apps.RequestMasks;
import io.hookstream.operations.deadletters.DeadLetterFilter;
import io.hookstream.operations.deadletters.DeadLetterId;
import io.hookstream.operations.deadletters.DeadLetterListing;
import io.hookstream.operations.deadletters.DeadLetterRedrive;
import io.hookstream.operations.scan.MissingTopicException;
import io.hookstream.schemas.avro.Header;
import io.hookstream.schemas.avro.RawWebhookEvent;
import io.hookstream.webhook.masking.RequestMask;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Dead letters: the listing with filters and groups, one with its masked request, and redrive,
 * counted first ({@code dryRun}) and then run in the background with its progress to poll.
 */
@RestController
@RequestMapping("/api/dead-letters")
class DeadLettersController {

    /** The most ids one redrive names; more is a filter's job. */
    private static final int MAX_IDS = 1_000;

    private final DeadLetterListing listing;
    private final DeadLetterRedrive redrive;
    private final Redrives redrives;
    private final ReadPermits permits;
    private final DeadLetterSettings settings;
    private final RequestMasks masks;
    private final Clock clock;

    DeadLettersController(
            DeadLetterListing listing,
            DeadLetterRedrive redrive,
            Redrives redrives,
            ReadPermits permits,
            DeadLetterSettings settings,
            RequestMasks masks,
            Clock clock) {
        this.listing = listing;
        this.redrive = redrive;
        this.redrives = redrives;
        this.permits = permits;
        this.settings = settings;
        this.masks = masks;
        this.clock = clock;
    }

    /**
     * @param deadLetters the newest matching, newest first
     * @param read every dead letter read
     * @param matched how many match the filter
     * @param groups the matching ones by error code and hook, largest first
     * @param ungrouped matching ones beyond the groups kept
     */
    record Page(
            List<DeadLetterView> deadLetters,
            long read,
            long matched,
            List<DeadLetterListing.Group> groups,
            long ungrouped) {}

    @GetMapping
    Mono<Page> list(
            @RequestParam(required = false) @Nullable String hookId,
            @RequestParam(required = false) @Nullable String appId,
            @RequestParam(required = false) @Nullable String errorCode,
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(required = false) @Nullable String until,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > settings.maxLimit()) {
            throw ApiProblems.of(
                    HttpStatus.BAD_REQUEST,
                    "limit must be between 1 and " + settings.maxLimit() + ": " + limit);
        }
        DeadLetterFilter filter = filter(hookId, appId, errorCode, since, until, null);
        return blocking(
                () -> {
                    try {
                        DeadLetterListing.Listing found =
                                permits.with(() -> listing.list(filter, limit));
                        return new Page(
                                found.newestFirst().stream().map(DeadLetterView::of).toList(),
                                found.deadLetters(),
                                found.matched(),
                                found.groups(),
                                found.ungrouped());
                    } catch (MissingTopicException e) {
                        // the router creates the topic when it first starts: nothing failed yet
                        return new Page(List.of(), 0, 0, List.of(), 0);
                    }
                });
    }

    @GetMapping("/{id}")
    Mono<DeadLetterDetail> one(@PathVariable String id) {
        DeadLetterId at = DeadLetterId.parse(id).orElseThrow(() -> noSuch(id));
        return blocking(
                () -> {
                    try {
                        DeadLetterListing.Found found =
                                permits.with(() -> listing.find(at)).orElseThrow(() -> noSuch(id));
                        return new DeadLetterDetail(
                                DeadLetterView.of(found.summary()),
                                request(found.letter().getEvent()));
                    } catch (MissingTopicException e) {
                        throw noSuch(id);
                    }
                });
    }

    /**
     * A dry run answers the counts (200). Otherwise the redrive starts and the answer (202) points
     * to its progress; while another redrive runs, that one is answered with 409.
     */
    @PostMapping("/redrive")
    Mono<ResponseEntity<RedriveView>> redrive(@RequestBody RedriveRequest request) {
        DeadLetterFilter filter =
                filter(
                        request.hookId(),
                        request.appId(),
                        request.errorCode(),
                        request.since(),
                        request.until(),
                        request.ids());
        if (Boolean.TRUE.equals(request.dryRun())) {
            Instant started = clock.instant();
            return blocking(
                    () -> {
                        DeadLetterRedrive.Result counted;
                        try {
                            counted = permits.with(() -> redrive.run(filter, true, counts -> {}));
                        } catch (MissingTopicException e) {
                            throw ApiProblems.of(
                                    HttpStatus.SERVICE_UNAVAILABLE, String.valueOf(e.getMessage()));
                        }
                        DeadLetterRedrive.Counts c = counted.counts();
                        return ResponseEntity.ok(
                                new RedriveView(
                                        null,
                                        "done",
                                        true,
                                        c.deadLetters(),
                                        c.matched(),
                                        c.alreadyRedriven(),
                                        c.toRedrive(),
                                        0,
                                        null,
                                        started,
                                        clock.instant()));
                    });
        }
        Redrives.Started started = redrives.start(filter);
        RedriveView view = started.redrive();
        URI location = URI.create("/api/dead-letters/redrives/" + view.redriveId());
        return Mono.just(
                started.started()
                        ? ResponseEntity.accepted().location(location).body(view)
                        : ResponseEntity.status(HttpStatus.CONFLICT).location(location).body(view));
    }

    @GetMapping("/redrives/{redriveId}")
    RedriveView redriveState(@PathVariable String redriveId) {
        return redrives.get(redriveId)
                .orElseThrow(
                        () ->
                                ApiProblems.of(
                                        HttpStatus.NOT_FOUND,
                                        "no redrive "
                                                + redriveId
                                                + " (only the last "
                                                + settings.keptRedrives()
                                                + " are kept)"));
    }

    private DeadLetterDetail.Request request(RawWebhookEvent event) {
        RequestMask mask = masks.of(event.getAppId());
        List<Map.Entry<String, String>> headers =
                mask.headers(
                        event.getHeaders().stream()
                                .map((Header h) -> Map.entry(h.getName(), h.getValue()))
                                .toList());
        ByteBuffer buffer = event.getBody().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        int max = (int) Math.min(Integer.MAX_VALUE, settings.maxBody().toBytes());
        byte[] shown = mask.bodyPreview(bytes, event.getContentType(), max);
        return new DeadLetterDetail.Request(
                event.getMethod(),
                event.getPath(),
                event.getContentType(),
                headers.stream().map(h -> new HeaderView(h.getKey(), h.getValue())).toList(),
                StandardCharsets.UTF_8.decode(ByteBuffer.wrap(shown)).toString(),
                bytes.length,
                shown.length < bytes.length);
    }

    private static DeadLetterFilter filter(
            @Nullable String hookId,
            @Nullable String appId,
            @Nullable String errorCode,
            @Nullable String since,
            @Nullable String until,
            @Nullable List<String> ids) {
        Set<DeadLetterId> chosen = new HashSet<>();
        if (ids != null) {
            if (ids.size() > MAX_IDS) {
                throw ApiProblems.of(
                        HttpStatus.BAD_REQUEST,
                        "at most " + MAX_IDS + " ids; redrive more with a filter");
            }
            for (String id : ids) {
                chosen.add(
                        DeadLetterId.parse(id)
                                .orElseThrow(
                                        () ->
                                                ApiProblems.of(
                                                        HttpStatus.BAD_REQUEST,
                                                        "not a dead-letter id (partition-offset): "
                                                                + cut(id))));
            }
        }
        try {
            return new DeadLetterFilter(
                    blankToNull(hookId),
                    blankToNull(appId),
                    blankToNull(errorCode),
                    instant("since", since),
                    instant("until", until),
                    chosen);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.of(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
        }
    }

    private static @Nullable Instant instant(String name, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
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

    private static ErrorResponseException noSuch(String id) {
        return ApiProblems.of(HttpStatus.NOT_FOUND, "no dead letter " + cut(id));
    }

    /** Reads the topics off the event loop; a broker that does not answer is a 503. */
    private static <T> Mono<T> blocking(Callable<T> read) {
        return Mono.fromCallable(read)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(
                        KafkaException.class,
                        e ->
                                ApiProblems.of(
                                        HttpStatus.SERVICE_UNAVAILABLE,
                                        "the broker did not answer: " + e.getMessage()));
    }
}
