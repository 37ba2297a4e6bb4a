package io.hookstream.support.outbound;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 CIDR range such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a
 * range of one. Parsing never consults DNS: text that is not an address literal is refused.
 *
 * @param network the range's first address, as bytes (4 or 16), host bits cleared
 * @param prefixLength how many leading bits every address of the range shares
 */
public record IpRange(byte[] network, int prefixLength) {

    public IpRange {
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes");
        }
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException(
                    "prefix length " + prefixLength + " out of range for the address");
        }
        network = clearHostBits(network.clone(), prefixLength);
    }

    /**
     * {@code a.b.c.d/n}, {@code x:y::z/n} or a bare address.
     *
     * @throws IllegalArgumentException when the text is not a CIDR range or address literal
     */
    public static IpRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException(text + " is not an IP address or CIDR range");
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(text + " has no valid prefix length");
            }
        }
        return new IpRange(bytes, prefix);
    }

    /** The bytes of an IPv4 or IPv6 literal (brackets allowed), or null for anything else. */
    static byte @Nullable [] literal(String text) {
        String bare =
                text.startsWith("[") && text.endsWith("]")
                        ? text.substring(1, text.length() - 1)
                        : text;
        return NetUtil.createByteArrayFromIpAddressString(bare);
    }

    /** A copy: the range stays immutable. */
    @Override
    public byte[] network() {
        return network.clone();
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** Whether the address (4 or 16 bytes) lies in this range; other families never do. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    private static byte[] clearHostBits(byte[] bytes, int prefixLength) {
        for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return bytes;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof IpRange range
                && range.prefixLength == prefixLength
                && Arrays.equals(range.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
