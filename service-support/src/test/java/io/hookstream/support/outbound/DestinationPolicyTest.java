package io.hookstream.support.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The address decision alone: addresses are built from literals ({@link InetAddress#getByAddress}
 * parses them), so nothing here resolves a name or opens a connection.
 */
class DestinationPolicyTest {

    private final DestinationPolicy publicOnly = DestinationPolicy.publicOnly();

    @ParameterizedTest
    @ValueSource(
            strings = {
                // loopback
                "127.0.0.1",
                "127.255.255.254",
                "::1",
                // unspecified and "this network"
                "0.0.0.0",
                "0.1.2.3",
                "::",
                // RFC 1918
                "10.0.0.1",
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.0.1",
                "192.168.255.255",
                // carrier-grade NAT
                "100.64.0.1",
                "100.127.255.255",
                // link-local, cloud metadata
                "169.254.0.1",
                "169.254.169.254",
                "fe80::1",
                "febf:ffff::1",
                // IPv6 unique-local, EC2 metadata over IPv6, site-local
                "fc00::1",
                "fd00:ec2::254",
                "fdff:ffff::1",
                "fec0::1",
                "feff::1",
                // multicast and broadcast
                "224.0.0.1",
                "239.255.255.250",
                "ff02::1",
                "ff05::2",
                "255.255.255.255",
                "240.0.0.1",
                // documentation, benchmark, protocol assignments, 6to4 relay
                "192.0.0.8",
                "192.0.2.1",
                "198.18.0.1",
                "198.19.255.255",
                "198.51.100.7",
                "203.0.113.9",
                "192.88.99.1",
                "2001:db8::1",
                // IPv4 carried in IPv6: compatible, translated, NAT64 and 6to4 of internal
                // addresses
                "::127.0.0.1",
                "::10.0.0.1",
                "::ffff:0:7f00:1",
                "64:ff9b::7f00:1",
                "64:ff9b::a9fe:a9fe",
                "64:ff9b:1::1",
                "2002:7f00:1::",
                "2002:c0a8:101::1",
                // Teredo, ORCHID, discard
                "2001::1",
                "2001:10::1",
                "2001:20::1",
                "100::1"
            })
    void refusesAddressesThatAreNotPublic(String literal) throws UnknownHostException {
        assertThat(publicOnly.decide("example.com", address(literal)))
                .isInstanceOf(Verdict.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "::ffff:127.0.0.1",
                "::ffff:10.1.2.3",
                "::ffff:169.254.169.254",
                "::ffff:192.168.1.1",
                "::ffff:100.64.0.1",
                "::ffff:0.0.0.0"
            })
    void refusesIpv4MappedFormsAlsoWhenKeptAsIpv6(String literal) throws UnknownHostException {
        byte[] sixteen = IpRange.literal(literal);
        assertThat(sixteen).hasSize(16);
        // the JDK turns a mapped address into an Inet4Address; a resolver may hand over the
        // 16-byte form
        InetAddress converted = InetAddress.getByAddress(sixteen);
        InetAddress kept = Inet6Address.getByAddress(null, sixteen, -1);
        assertThat(kept.getAddress()).hasSize(16);
        assertThat(publicOnly.decide("example.com", converted)).isInstanceOf(Verdict.Refused.class);
        assertThat(publicOnly.decide("example.com", kept)).isInstanceOf(Verdict.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "93.184.215.14",
                "8.8.8.8",
                "1.1.1.1",
                "100.63.255.255",
                "100.128.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "169.253.255.255",
                "192.167.255.255",
                "11.0.0.1",
                "223.255.255.255",
                "2606:4700:4700::1111",
                "2a00:1450:4001:81d::200e",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808",
                "2002:808:808::1"
            })
    void allowsPublicAddresses(String literal) throws UnknownHostException {
        assertThat(publicOnly.decide("example.com", address(literal)))
                .isEqualTo(new Verdict.Allowed("public"));
    }

    @Test
    void namesTheRangeForTheLog() throws UnknownHostException {
        assertThat(publicOnly.decide("x", address("127.0.0.1")))
                .isEqualTo(new Verdict.Refused("loopback"));
        assertThat(publicOnly.decide("x", address("169.254.169.254")))
                .isEqualTo(new Verdict.Refused("link-local (cloud metadata)"));
        assertThat(publicOnly.decide("x", address("64:ff9b::7f00:1")))
                .isEqualTo(new Verdict.Refused("loopback, in an IPv6 form"));
    }

    @Test
    void anAllowedHostMayResolveToAnyAddress() throws UnknownHostException {
        DestinationPolicy policy =
                DestinationPolicy.allowing(List.of("Hooks.Example.Internal", "*.corp.example"));

        assertThat(policy.decide("hooks.example.internal", address("10.1.2.3")).allowed()).isTrue();
        assertThat(policy.decide("HOOKS.example.internal.", address("127.0.0.1")).allowed())
                .isTrue();
        assertThat(policy.decide("api.corp.example", address("192.168.4.4")).allowed()).isTrue();
        assertThat(policy.decide("a.b.corp.example", address("fd00::1")).allowed()).isTrue();
        // the domain itself and look-alikes are not under it
        assertThat(policy.decide("corp.example", address("192.168.4.4")).allowed()).isFalse();
        assertThat(policy.decide("evilcorp.example", address("192.168.4.4")).allowed()).isFalse();
        assertThat(policy.decide("hooks.example.internal.evil", address("10.1.2.3")).allowed())
                .isFalse();
        assertThat(policy.decide("other.internal", address("10.1.2.3")).allowed()).isFalse();
    }

    @Test
    void anAllowedRangeAllowsItsAddressesUnderAnyName() throws UnknownHostException {
        DestinationPolicy policy =
                DestinationPolicy.allowing(List.of("10.20.0.0/16", "127.0.0.2", "fd12:3456::/32"));

        assertThat(policy.decide("provider.lan", address("10.20.7.7")).allowed()).isTrue();
        assertThat(policy.decide("provider.lan", address("::ffff:10.20.7.7")).allowed()).isTrue();
        assertThat(policy.decide("127.0.0.2", address("127.0.0.2")).allowed()).isTrue();
        assertThat(policy.decide("x", address("fd12:3456:1::1")).allowed()).isTrue();
        assertThat(policy.decide("provider.lan", address("10.21.0.1")).allowed()).isFalse();
        assertThat(policy.decide("127.0.0.1", address("127.0.0.1")).allowed()).isFalse();
        assertThat(policy.decide("x", address("fd12:3457::1")).allowed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://x", "a b", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "*.", "-a"})
    void refusesAllowEntriesItCannotRead(String entry) {
        assertThatThrownBy(() -> DestinationPolicy.allowing(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rangesClearHostBitsAndCompareWholeAndPartialBytes() {
        IpRange range = IpRange.parse("100.64.12.34/10");
        assertThat(range).isEqualTo(IpRange.parse("100.64.0.0/10"));
        assertThat(range.toString()).isEqualTo("100.64.0.0/10");
        assertThat(range.contains(new byte[] {100, 127, (byte) 255, (byte) 255})).isTrue();
        assertThat(range.contains(new byte[] {100, (byte) 128, 0, 0})).isFalse();
        assertThat(IpRange.parse("0.0.0.0/0").contains(new byte[] {8, 8, 8, 8})).isTrue();
        assertThat(IpRange.parse("0.0.0.0/0").contains(new byte[16])).isFalse();
        assertThat(IpRange.parse("[::1]").contains(new byte[16])).isFalse();
    }

    /** Parses an address literal; for a literal, {@link InetAddress#getByName} does no lookup. */
    private static InetAddress address(String literal) throws UnknownHostException {
        byte[] bytes = IpRange.literal(literal);
        assertThat(bytes).as(literal).isNotNull();
        return InetAddress.getByAddress(bytes);
    }
}
