package io.hookstream.webhook.spec;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The app's {@code base}: what every request of the app (connection {@code info}, {@code attach},
 * {@code detach}) starts from, as Make's base does.
 *
 * @param baseUrl evaluates to the URL that a request's relative {@code url} is resolved against; an
 *     IML template, e.g. {@code {{ifempty(connection.baseUrl, 'https://api.example.com')}}}
 * @param headers evaluates to headers sent with every request; a request's own header of the same
 *     name wins
 * @param qs evaluates to query parameters added to every request; a request's own win
 * @param error the {@code response.error} template used where a request's own gives no message or
 *     type: {@code {message, type, "<status>": {message, type}}}
 * @param logSanitize paths masked in the logs of every request, besides the connection's
 */
public record RequestDefaults(
        @Nullable Directive baseUrl,
        @Nullable Directive headers,
        @Nullable Directive qs,
        @Nullable Directive error,
        List<String> logSanitize) {

    /** No base: requests are sent as written. */
    public static final RequestDefaults NONE =
            new RequestDefaults(null, null, null, null, List.of());

    public RequestDefaults {
        logSanitize = List.copyOf(logSanitize);
    }
}
