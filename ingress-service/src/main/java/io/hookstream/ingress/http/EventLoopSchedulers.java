package io.hookstream.ingress.http;

import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * The scheduler of the event loop that serves a request's connection, for the timers of that
 * request and for finishing it once the broker acknowledged its event.
 *
 * <p>Finishing a request on its own event loop writes the response there directly; finishing it on
 * a shared pool makes every write a task handed back to the event loop, and every timer an entry in
 * a locked queue shared by all requests. Requests that do not come from Reactor Netty keep the
 * shared pool.
 */
@Component
class EventLoopSchedulers {

    // one entry per event loop of the server, created on first use; never disposed, as disposing a
    // scheduler made from an executor service shuts that service down
    private final Map<EventLoop, Scheduler> schedulers = new ConcurrentHashMap<>();

    Scheduler of(ServerRequest request) {
        ServerHttpRequest http = request.exchange().getRequest();
        Object connection = ServerHttpRequestDecorator.getNativeRequest(http);
        if (connection instanceof Connection netty) {
            EventLoop loop = netty.channel().eventLoop();
            Scheduler scheduler = schedulers.get(loop);
            return scheduler != null
                    ? scheduler
                    : schedulers.computeIfAbsent(loop, Schedulers::fromExecutorService);
        }
        return Schedulers.parallel();
    }
}
