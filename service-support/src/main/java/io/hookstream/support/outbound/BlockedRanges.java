package io.hookstream.support.outbound;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The addresses no outbound request may reach unless an operator allows them: everything that is
 * not a public unicast address. The list follows Stripe's smokescreen (loopback, link-local,
 * multicast, unspecified, RFC 1918 and unique-local) and adds the remaining special-purpose blocks
 * of the IANA registries (carrier-grade NAT, IETF protocol assignments, documentation, benchmark,
 * reserved, site-local, Teredo, ORCHID, discard), none of which a provider's API lives in. IPv6
 * forms that carry an IPv4 address are judged by that address ({@link #embeddedIpv4}).
 */
final class BlockedRanges {

    /** A blocked range and what it is. */
    record Blocked(IpRange range, String name) {}

    static final List<Blocked> IPV4 =
            List.of(
                    blocked("0.0.0.0/8", "unspecified (this network)"),
                    blocked("10.0.0.0/8", "private (RFC 1918)"),
                    blocked("100.64.0.0/10", "carrier-grade NAT (RFC 6598)"),
                    blocked("127.0.0.0/8", "loopback"),
                    blocked("169.254.0.0/16", "link-local (cloud metadata)"),
                    blocked("172.16.0.0/12", "private (RFC 1918)"),
                    blocked("192.0.0.0/24", "IETF protocol assignments"),
                    blocked("192.0.2.0/24", "documentation"),
                    blocked("192.88.99.0/24", "6to4 relay anycast"),
                    blocked("192.168.0.0/16", "private (RFC 1918)"),
                    blocked("198.18.0.0/15", "benchmarking"),
                    blocked("198.51.100.0/24", "documentation"),
                    blocked("203.0.113.0/24", "documentation"),
                    blocked("224.0.0.0/4", "multicast"),
                    // includes the limited broadcast address 255.255.255.255
                    blocked("240.0.0.0/4", "reserved or broadcast"));

    static final List<Blocked> IPV6 =
            List.of(
                    blocked("::/128", "unspecified"),
                    blocked("::1/128", "loopback"),
                    // deprecated IPv4-compatible addresses (::a.b.c.d), never routed
                    blocked("::/96", "IPv4-compatible"),
                    blocked("::ffff:0:0:0/96", "IPv4-translated"),
                    blocked("64:ff9b:1::/48", "local-use NAT64"),
                    blocked("100::/64", "discard"),
                    blocked("2001::/32", "Teredo"),
                    blocked("2001:10::/28", "ORCHID"),
                    blocked("2001:20::/28", "ORCHIDv2"),
                    blocked("2001:db8::/32", "documentation"),
                    // includes fd00:ec2::254, the EC2 metadata service over IPv6
                    blocked("fc00::/7", "unique-local"),
                    blocked("fe80::/10", "link-local"),
                    blocked("fec0::/10", "site-local"),
                    blocked("ff00::/8", "multicast"));

    private static final IpRange MAPPED = IpRange.parse("::ffff:0:0/96");
    private static final IpRange NAT64 = IpRange.parse("64:ff9b::/96");
    private static final IpRange SIX_TO_FOUR = IpRange.parse("2002::/16");

    private BlockedRanges() {}

    /**
     * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), NAT64 ({@code
     * 64:ff9b::a.b.c.d}) or 6to4 ({@code 2002:aabb:ccdd::}) address, which is where packets to it
     * end up; null for any other address.
     */
    static byte @Nullable [] embeddedIpv4(byte[] address) {
        if (address.length != 16) {
            return null;
        }
        if (MAPPED.contains(address) || NAT64.contains(address)) {
            return Arrays.copyOfRange(address, 12, 16);
        }
        if (SIX_TO_FOUR.contains(address)) {
            return Arrays.copyOfRange(address, 2, 6);
        }
        return null;
    }

    /** The name of the blocked range holding the address, or null for a public address. */
    static @Nullable String blockedRange(byte[] address) {
        byte[] ipv4 = embeddedIpv4(address);
        if (ipv4 != null) {
            String embedded = blockedRange(ipv4);
            return embedded == null ? null : embedded + ", in an IPv6 form";
        }
        for (Blocked blocked : address.length == 4 ? IPV4 : IPV6) {
            if (blocked.range().contains(address)) {
                return blocked.name();
            }
        }
        return null;
    }

    private static Blocked blocked(String cidr, String name) {
        return new Blocked(IpRange.parse(cidr), name);
    }
}
