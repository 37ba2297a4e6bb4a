package io.hookstream.support.outbound;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where outbound requests may go ({@code hookstream.outbound.*}).
 *
 * @param allow destinations allowed although they are not public: host names ({@code
 *     hooks.example.internal}), domains ({@code *.example.internal}), addresses and CIDR ranges
 *     ({@code 10.20.0.0/16}); empty by default, so only public addresses are reached
 * @param maxRedirects how many redirects a {@code GET} or {@code HEAD} request follows, each to a
 *     destination checked again; default 3, 0 follows none
 */
@ConfigurationProperties("hookstream.outbound")
public record OutboundSettings(List<String> allow, int maxRedirects) {

    public OutboundSettings {
        allow = List.copyOf(allow);
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException(
                    "hookstream.outbound.max-redirects must be between 0 and 20");
        }
        // fails at start, with the entry named, rather than at the first request
        DestinationPolicy.allowing(allow);
    }

    /** What the binder calls: missing keys arrive as null and take their defaults. */
    @ConstructorBinding
    public OutboundSettings(@Nullable List<String> allow, @Nullable Integer maxRedirects) {
        this(allow == null ? List.of() : allow, maxRedirects == null ? 3 : maxRedirects);
    }

    public static OutboundSettings defaults() {
        return new OutboundSettings(List.of(), 3);
    }

    public DestinationPolicy policy() {
        return DestinationPolicy.allowing(allow());
    }
}
