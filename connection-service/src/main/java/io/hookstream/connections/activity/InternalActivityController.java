package io.hookstream.connections.activity;

import io.hookstream.connections.api.ApiProblems;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The part of the activity view this instance owns, for the other instances of the control plane;
 * it answers from its own stores only and never forwards.
 */
@RestController
class InternalActivityController {

    private final ActivityQueries queries;

    InternalActivityController(ActivityQueries queries) {
        this.queries = queries;
    }

    @GetMapping(ActivityQueries.INTERNAL + "{store}")
    Mono<? extends List<?>> owned(
            @PathVariable String store,
            @RequestParam String key,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) @Nullable String from) {
        return switch (store) {
            case ActivityTopology.OUTCOME_COUNTS -> queries.counts(since(from), true);
            case ActivityTopology.REQUESTS -> queries.requests(key, limit, true);
            case ActivityTopology.EVENTS -> queries.events(key, limit, true);
            case ActivityTopology.EVENTS_BY_ID -> queries.event(key, true);
            default -> Mono.error(ApiProblems.of(HttpStatus.NOT_FOUND, "no store " + store));
        };
    }

    private static Instant since(@Nullable String from) {
        try {
            return from == null
                    ? Instant.now().minus(ActivityTopology.COUNT_RETENTION)
                    : Instant.parse(from);
        } catch (DateTimeParseException e) {
            throw ApiProblems.of(HttpStatus.BAD_REQUEST, "from must be an ISO-8601 instant");
        }
    }
}
