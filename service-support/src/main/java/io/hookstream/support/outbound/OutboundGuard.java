package io.hookstream.support.outbound;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Puts the outbound guard on a Reactor Netty client: its names resolve through a {@link
 * GuardedAddressResolverGroup}, and it follows at most {@code maxRedirects} redirects, only for
 * {@code GET} and {@code HEAD}, only to {@code http} or {@code https} URLs, each hop's destination
 * checked again by the same resolver.
 *
 * <p>Requests with a body do not follow redirects: a provider's attach call carries credentials in
 * its body, which a redirect would carry to wherever the {@code Location} points. (Reactor Netty
 * already drops {@code Authorization} and {@code Cookie} when a redirect changes the host.)
 */
public final class OutboundGuard {

    private final GuardedAddressResolverGroup resolver;
    private final int maxRedirects;

    public OutboundGuard(OutboundSettings settings, HostLookup lookup, Executor lookups) {
        this.resolver = new GuardedAddressResolverGroup(settings.policy(), lookup, lookups);
        this.maxRedirects = settings.maxRedirects();
    }

    /** The JDK resolver, lookups on Reactor's bounded elastic scheduler. */
    public static OutboundGuard of(OutboundSettings settings) {
        return new OutboundGuard(
                settings,
                HostLookup.system(),
                command -> reactor.core.scheduler.Schedulers.boundedElastic().schedule(command));
    }

    public HttpClient apply(HttpClient client) {
        HttpClient guarded = client.resolver(resolver);
        return maxRedirects == 0
                ? guarded.followRedirect(false)
                : guarded.followRedirect(this::follows);
    }

    /** Whether to follow this answer's redirect; the next hop's address is checked on connect. */
    boolean follows(HttpClientRequest request, HttpClientResponse response) {
        int status = response.status().code();
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            return false;
        }
        HttpMethod method = request.method();
        if (!(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
            return false;
        }
        if (request.redirectedFrom().length >= maxRedirects) {
            return false;
        }
        return isHttp(response.responseHeaders().get(HttpHeaderNames.LOCATION));
    }

    /** An absolute http(s) URL, or a reference relative to the current one. */
    static boolean isHttp(@Nullable String location) {
        if (location == null || location.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(location.strip());
            String scheme = uri.getScheme();
            if (scheme == null) {
                return true;
            }
            String lower = scheme.toLowerCase(Locale.ROOT);
            return lower.equals("http") || lower.equals("https");
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
