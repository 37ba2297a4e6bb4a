package io.hookstream.support.outbound;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which resolved addresses an outbound request may connect to: public unicast addresses always; the
 * blocked ranges of {@link BlockedRanges} (loopback, private, link-local, ...) only when the
 * operator allowed the host by name or the address by range ({@code hookstream.outbound.allow}).
 * Pure: it looks nothing up and connects nowhere. Immutable.
 */
public final class DestinationPolicy {

    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?");

    private final Set<String> hosts;
    private final List<String> suffixes;
    private final List<IpRange> ranges;

    private DestinationPolicy(Set<String> hosts, List<String> suffixes, List<IpRange> ranges) {
        this.hosts = Set.copyOf(hosts);
        this.suffixes = List.copyOf(suffixes);
        this.ranges = List.copyOf(ranges);
    }

    /** Only public addresses. */
    public static DestinationPolicy publicOnly() {
        return allowing(List.of());
    }

    /**
     * Public addresses plus what {@code allow} names: a host ({@code hooks.example.internal}),
     * every host under a domain ({@code *.example.internal}), an address or a CIDR range ({@code
     * 10.20.0.0/16}, {@code fd12:3456::/48}).
     *
     * @throws IllegalArgumentException for an entry that is none of these
     */
    public static DestinationPolicy allowing(List<String> allow) {
        Set<String> hosts = new LinkedHashSet<>();
        List<String> suffixes = new ArrayList<>();
        List<IpRange> ranges = new ArrayList<>();
        for (String entry : allow) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            String address = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
            if (IpRange.literal(address) != null) {
                ranges.add(IpRange.parse(text));
            } else if (text.startsWith("*.") && isHostName(normalize(text.substring(2)))) {
                suffixes.add("." + normalize(text.substring(2)));
            } else if (isHostName(normalize(text))) {
                hosts.add(normalize(text));
            } else {
                throw new IllegalArgumentException(
                        "hookstream.outbound.allow: "
                                + text
                                + " is neither a host name, *.domain, an IP address nor a CIDR range");
            }
        }
        return new DestinationPolicy(hosts, suffixes, ranges);
    }

    /**
     * Whether a request to {@code host} (as written in the URL) may connect to {@code address}
     * (what the host resolved to, or the host itself when it is an address literal).
     */
    public Verdict decide(String host, InetAddress address) {
        String name = normalize(host);
        if (hosts.contains(name) || suffixes.stream().anyMatch(name::endsWith)) {
            return new Verdict.Allowed("allowed host");
        }
        byte[] bytes = address.getAddress();
        byte[] embedded = BlockedRanges.embeddedIpv4(bytes);
        for (IpRange range : ranges) {
            if (range.contains(bytes) || (embedded != null && range.contains(embedded))) {
                return new Verdict.Allowed("allowed range " + range);
            }
        }
        String blocked = BlockedRanges.blockedRange(bytes);
        return blocked == null ? new Verdict.Allowed("public") : new Verdict.Refused(blocked);
    }

    /** Lower case, without IPv6 brackets or the root's trailing dot. */
    static String normalize(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static boolean isHostName(String name) {
        return name.length() <= 253 && HOST_NAME.matcher(name).matches();
    }
}
