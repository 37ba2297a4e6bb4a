package io.hookstream.connections.activity;

import io.hookstream.connections.api.ApiProblems;
import java.util.List;
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
            @RequestParam(defaultValue = "100") int limit) {
        return switch (store) {
            case ActivityTopology.REQUESTS -> queries.requests(key, limit, true);
            case ActivityTopology.EVENTS -> queries.events(key, limit, true);
            case ActivityTopology.EVENTS_BY_ID -> queries.event(key, true);
            default -> Mono.error(ApiProblems.of(HttpStatus.NOT_FOUND, "no store " + store));
        };
    }
}
