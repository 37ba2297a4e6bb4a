package io.hookstream.support.outbound;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name resolution of an outbound HTTP client (Reactor Netty's {@code HttpClient.resolver}),
 * with the {@link DestinationPolicy} applied to what it resolves: every address a host resolves to
 * must be allowed, else the connection fails with {@link DestinationNotAllowedException} before any
 * byte is sent. The client then connects to the checked addresses themselves, so a name that
 * resolves differently a moment later (DNS rebinding) changes nothing.
 *
 * <p>Address literals ({@code http://127.0.0.1/}) are checked too: the resolvers never report an
 * address as already resolved, so the client always hands it over. Lookups block (the JDK
 * resolver), so they run on {@code lookups}, never on an event loop.
 */
public final class GuardedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private static final Logger log = LoggerFactory.getLogger(GuardedAddressResolverGroup.class);

    private final DestinationPolicy policy;
    private final HostLookup lookup;
    private final Executor lookups;

    public GuardedAddressResolverGroup(
            DestinationPolicy policy, HostLookup lookup, Executor lookups) {
        this.policy = policy;
        this.lookup = lookup;
        this.lookups = lookups;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new GuardedResolver(executor);
    }

    /**
     * The checked addresses for {@code address}, in the order resolved; blocking.
     *
     * @throws DestinationNotAllowedException when any of them is not allowed
     * @throws UnknownHostException when the host does not resolve
     */
    List<InetSocketAddress> resolveChecked(InetSocketAddress address)
            throws UnknownHostException, DestinationNotAllowedException {
        String host = address.getHostString();
        List<InetAddress> resolved =
                address.isUnresolved() || address.getAddress() == null
                        ? lookup.lookup(host)
                        : List.of(address.getAddress());
        if (resolved.isEmpty()) {
            throw new UnknownHostException(host);
        }
        List<InetSocketAddress> checked = new ArrayList<>(resolved.size());
        for (InetAddress candidate : resolved) {
            Verdict verdict = policy.decide(host, candidate);
            if (verdict instanceof Verdict.Refused refused) {
                // one bad address refuses the name: a client falling back from one address to the
                // next would otherwise reach it
                log.debug("event=outbound_refused host={} range=\"{}\"", host, refused.range());
                throw new DestinationNotAllowedException(host, refused.range());
            }
            // keep the host name with the address: TLS verifies the certificate against it
            checked.add(
                    new InetSocketAddress(
                            InetAddress.getByAddress(host, candidate.getAddress()),
                            address.getPort()));
        }
        return List.copyOf(checked);
    }

    private final class GuardedResolver extends AbstractAddressResolver<InetSocketAddress> {

        GuardedResolver(EventExecutor executor) {
            super(executor, InetSocketAddress.class);
        }

        @Override
        protected boolean doIsResolved(InetSocketAddress address) {
            // never: an address given as a literal must be checked like a resolved one
            return false;
        }

        @Override
        protected void doResolve(InetSocketAddress address, Promise<InetSocketAddress> promise) {
            run(address, promise, all -> all.get(0));
        }

        @Override
        protected void doResolveAll(
                InetSocketAddress address, Promise<List<InetSocketAddress>> promise) {
            run(address, promise, all -> all);
        }

        private <R> void run(
                InetSocketAddress address,
                Promise<R> promise,
                java.util.function.Function<List<InetSocketAddress>, R> result) {
            try {
                lookups.execute(
                        () -> {
                            try {
                                promise.trySuccess(result.apply(resolveChecked(address)));
                            } catch (Exception e) {
                                promise.tryFailure(e);
                            }
                        });
            } catch (RuntimeException rejected) {
                promise.tryFailure(rejected);
            }
        }
    }
}
