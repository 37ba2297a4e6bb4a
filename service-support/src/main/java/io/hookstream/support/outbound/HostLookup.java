package io.hookstream.support.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a host name to its addresses; blocking. */
@FunctionalInterface
public interface HostLookup {

    List<InetAddress> lookup(String host) throws UnknownHostException;

    /**
     * The JDK's resolver: the operating system's configuration ({@code /etc/hosts}, search domains)
     * and the JVM's DNS cache, as every other Java client on the machine sees names.
     */
    static HostLookup system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
