package io.hookstream.ingress.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.netty.http.server.HttpServerRequest;

/**
 * A request's header fields in the order they arrived, one entry per field, names lower-cased
 * (Decision D13) once for the pipeline and the stored event alike.
 *
 * <p>Read from Reactor Netty's own headers in one pass where the request comes from it: Spring's
 * view of them groups the values by name, which looks every name up again in the field list.
 */
final class WireHeaders {

    private WireHeaders() {}

    static List<Map.Entry<String, String>> of(ServerRequest request) {
        ServerHttpRequest http = request.exchange().getRequest();
        if (ServerHttpRequestDecorator.getNativeRequest(http) instanceof HttpServerRequest netty) {
            io.netty.handler.codec.http.HttpHeaders fields = netty.requestHeaders();
            List<Map.Entry<String, String>> entries = new ArrayList<>(fields.size());
            for (Iterator<Map.Entry<String, String>> it = fields.iteratorAsString();
                    it.hasNext(); ) {
                Map.Entry<String, String> field = it.next();
                entries.add(Map.entry(lowerCase(field.getKey()), field.getValue()));
            }
            return entries;
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        http.getHeaders()
                .forEach(
                        (name, values) ->
                                values.forEach(v -> entries.add(Map.entry(lowerCase(name), v))));
        return entries;
    }

    private static String lowerCase(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
