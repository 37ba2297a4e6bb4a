package io.hookstream.support.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The resolver with a table in place of DNS: names map to fixed addresses, so the tests resolve
 * nothing and connect nowhere.
 */
class GuardedAddressResolverGroupTest {

    private static final Map<String, List<String>> DNS =
            Map.of(
                    "api.example.com", List.of("93.184.215.14"),
                    "localhost", List.of("127.0.0.1", "::1"),
                    "metadata.example.com", List.of("169.254.169.254"),
                    "mixed.example.com", List.of("93.184.215.14", "10.0.0.5"),
                    "hooks.internal", List.of("10.1.2.3"));

    private static final HostLookup TABLE =
            host -> {
                List<String> addresses = DNS.get(host);
                if (addresses == null) {
                    throw new UnknownHostException(host);
                }
                return addresses.stream().map(GuardedAddressResolverGroupTest::literal).toList();
            };

    private final GuardedAddressResolverGroup publicOnly =
            new GuardedAddressResolverGroup(DestinationPolicy.publicOnly(), TABLE, Runnable::run);

    @Test
    void connectsToTheAddressItCheckedKeepingTheHostName() throws Exception {
        List<InetSocketAddress> checked =
                publicOnly.resolveChecked(
                        InetSocketAddress.createUnresolved("api.example.com", 443));

        assertThat(checked).hasSize(1);
        assertThat(checked.get(0).isUnresolved()).isFalse();
        assertThat(checked.get(0).getAddress().getHostAddress()).isEqualTo("93.184.215.14");
        assertThat(checked.get(0).getHostString()).isEqualTo("api.example.com");
        assertThat(checked.get(0).getPort()).isEqualTo(443);
    }

    @Test
    void refusesANameResolvingInsideNamingTheHostOnly() {
        for (String host : List.of("localhost", "metadata.example.com", "mixed.example.com")) {
            assertThatThrownBy(
                            () ->
                                    publicOnly.resolveChecked(
                                            InetSocketAddress.createUnresolved(host, 80)))
                    .isInstanceOfSatisfying(
                            DestinationNotAllowedException.class,
                            e -> {
                                assertThat(e.host()).isEqualTo(host);
                                assertThat(e.getMessage())
                                        .isEqualTo(host + " is not an allowed destination")
                                        .doesNotContain("127.0.0.1", "169.254", "10.0.0.5");
                            });
        }
    }

    @Test
    void checksAddressLiteralsTheClientAlreadyResolved() throws Exception {
        InetSocketAddress literal = new InetSocketAddress(literal("127.0.0.1"), 8082);
        assertThat(literal.isUnresolved()).isFalse();
        assertThatThrownBy(() -> publicOnly.resolveChecked(literal))
                .isInstanceOf(DestinationNotAllowedException.class);
        assertThat(publicOnly.resolveChecked(new InetSocketAddress(literal("93.184.215.14"), 80)))
                .hasSize(1);
    }

    @Test
    void unknownNamesStayUnknown() {
        assertThatThrownBy(
                        () ->
                                publicOnly.resolveChecked(
                                        InetSocketAddress.createUnresolved("nowhere.example", 80)))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(DestinationNotAllowedException.class);
    }

    @Test
    void operatorsAllowNamesAndRanges() throws Exception {
        GuardedAddressResolverGroup allowing =
                new GuardedAddressResolverGroup(
                        DestinationPolicy.allowing(List.of("hooks.internal", "127.0.0.0/8")),
                        TABLE,
                        Runnable::run);
        assertThat(
                        allowing.resolveChecked(
                                InetSocketAddress.createUnresolved("hooks.internal", 80)))
                .hasSize(1);
        // localhost also resolves to ::1, which the range does not cover
        assertThatThrownBy(
                        () ->
                                allowing.resolveChecked(
                                        InetSocketAddress.createUnresolved("localhost", 80)))
                .isInstanceOf(DestinationNotAllowedException.class);
    }

    @Test
    void theNettyResolverNeverTakesAnAddressAsResolvedAndFailsItsPromise() throws Exception {
        var resolver = publicOnly.getResolver(ImmediateEventExecutor.INSTANCE);
        InetSocketAddress literal = new InetSocketAddress(literal("127.0.0.1"), 80);

        assertThat(resolver.isResolved(literal)).isFalse();
        var refused = resolver.resolveAll(literal).await();
        assertThat(refused.cause()).isInstanceOf(DestinationNotAllowedException.class);
        var allowed =
                resolver.resolve(InetSocketAddress.createUnresolved("api.example.com", 80)).await();
        assertThat(allowed.getNow().getAddress().getHostAddress()).isEqualTo("93.184.215.14");
        publicOnly.close();
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByAddress(IpRange.literal(text));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
