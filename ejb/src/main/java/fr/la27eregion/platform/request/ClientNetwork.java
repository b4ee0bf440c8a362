package fr.la27eregion.platform.request;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * What is counted per client (limits, refused logins) counts per <em>network</em> of the client: its IPv4 address,
 * or the /64 its IPv6 address belongs to. One IPv6 subscriber, or one cloud machine, receives a whole /64 (RFC 6177
 * and common practice), so counting per IPv6 address would let a single client act as 2^64 clients: an unlimited
 * allowance of applications and failed logins, and a journal that one caller could grow at will with
 * "first refused login of this address in this minute" entries. Rate limiters commonly key IPv6 by /64 for this reason.
 *
 * <p>Only literal addresses are read (never a host name, so nothing is ever looked up in the DNS); anything else,
 * such as {@code "unknown"}, is its own key.
 */
public final class ClientNetwork {

    /** The prefix length an IPv6 client is counted by. */
    public static final int IPV6_PREFIX = 64;

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientNetwork() {
    }

    /**
     * The key of an address's network: an IPv4 address as it is; an IPv6 address as its /64
     * ({@code 2001:db8:1:2::/64}); an IPv4-mapped IPv6 address as the IPv4 address; anything else unchanged.
     */
    public static String of(String address) {
        if (address == null || address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            // a literal with ':' is parsed, not resolved (InetAddress reads IP literals without any lookup)
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress();
            }
            byte[] bytes = Arrays.copyOf(parsed.getAddress(), 16);
            Arrays.fill(bytes, IPV6_PREFIX / 8, 16, (byte) 0);
            return compressed(bytes) + "/" + IPV6_PREFIX;
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }

    /** The /64's first four groups, written as RFC 5952 would write the network's address. */
    private static String compressed(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            int value = ((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff);
            text.append(Integer.toHexString(value)).append(':');
        }
        return text.append(':').toString();
    }
}
