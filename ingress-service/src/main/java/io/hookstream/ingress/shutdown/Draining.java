package io.hookstream.ingress.shutdown;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Whether the ingress has begun to stop. Spring publishes {@link ContextClosedEvent} before it
 * stops the web server, whose graceful shutdown then waits for the requests in progress and closes
 * every connection without one at once. A request arriving on a kept-alive connection in between
 * would be taken, published and lost with its connection, its sender never answered (traced in the
 * rolling-restart fault run, docs/reliability.md). From the event on, new requests are turned away
 * with 503 before anything is published, so that the graceful wait is left only with requests it
 * answers.
 */
@Component
public final class Draining implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(Draining.class);

    private volatile boolean draining;

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        start();
    }

    /** From now on, new requests are refused. */
    public void start() {
        if (!draining) {
            draining = true;
            log.info("event=draining reason=\"the ingress is stopping: new requests get 503\"");
        }
    }

    public boolean isDraining() {
        return draining;
    }
}
