package cn.innovationchina.notification.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a webhook must never reach, because they lead into the platform's own network rather than to the
 * receiver: loopback, private, link-local (with the cloud metadata address 169.254.169.254), unspecified, multicast,
 * carrier-grade NAT and the other special-purpose blocks. An IPv6 address that embeds an IPv4 one (mapped,
 * NAT64, 6to4) is judged by the IPv4 address inside it.
 */
public final class UnsafeAddresses {

    private static final List<Block> BLOCKS = List.of(
            block("0.0.0.0/8", "unspecified"),
            block("10.0.0.0/8", "private"),
            block("100.64.0.0/10", "carrier-grade NAT"),
            block("127.0.0.0/8", "loopback"),
            block("169.254.0.0/16", "link-local"),
            block("172.16.0.0/12", "private"),
            block("192.0.0.0/24", "special-purpose"),
            block("192.0.2.0/24", "documentation"),
            block("192.168.0.0/16", "private"),
            block("198.18.0.0/15", "benchmarking"),
            block("198.51.100.0/24", "documentation"),
            block("203.0.113.0/24", "documentation"),
            block("224.0.0.0/4", "multicast"),
            block("240.0.0.0/4", "reserved"),
            block("::/128", "unspecified"),
            block("::1/128", "loopback"),
            block("::/96", "IPv4-compatible"),
            block("2001::/32", "Teredo"),
            block("fc00::/7", "private"),
            block("fe80::/10", "link-local"),
            block("fec0::/10", "site-local"),
            block("ff00::/8", "multicast"),
            block("2001:db8::/32", "documentation"));

    private UnsafeAddresses() {
    }

    /**
     * Why the address is refused (its kind: "private address", ...), or empty when it is a public unicast address.
     * The address itself is left out: told back to a caller, it would map what names resolve to inside.
     */
    public static Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            Optional<byte[]> embedded = embeddedIpv4(bytes);
            if (embedded.isPresent()) {
                return refusal(ipv4(embedded.get())).map(why -> why + " (inside an IPv6 address)");
            }
        }
        return BLOCKS.stream().filter(block -> block.contains(bytes)).findFirst()
                .map(block -> block.kind + " address");
    }

    /** IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d and 6to4 2002:abcd:... */
    private static Optional<byte[]> embeddedIpv4(byte[] v6) {
        if (allZero(v6, 0, 10) && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff) {
            return Optional.of(slice(v6, 12));
        }
        if ((v6[0] & 0xff) == 0x00 && (v6[1] & 0xff) == 0x64 && (v6[2] & 0xff) == 0xff && (v6[3] & 0xff) == 0x9b
                && allZero(v6, 4, 12)) {
            return Optional.of(slice(v6, 12));
        }
        if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
            return Optional.of(slice(v6, 2));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] bytes, int from) {
        return new byte[] {bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3]};
    }

    private static Inet4Address ipv4(byte[] bytes) {
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static Block block(String cidr, String kind) {
        int slash = cidr.indexOf('/');
        try {
            // A literal address: no name is looked up.
            byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            return new Block(network, Integer.parseInt(cidr.substring(slash + 1)), kind);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(cidr, e);
        }
    }

    private record Block(byte[] network, int prefix, String kind) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
