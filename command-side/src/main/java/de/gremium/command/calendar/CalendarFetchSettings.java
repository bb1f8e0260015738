package de.gremium.command.calendar;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which calendar sources the command side may fetch by URL ({@code gremium.calendar.*}). Nothing by default: an
 * import by URL is refused unless its host is on {@code allowed-hosts}, and a host that resolves to a loopback,
 * link-local, private, multicast, unspecified or otherwise reserved address is refused unless
 * {@code allow-private-addresses} is set or the host is on {@code private-hosts}. Uploads need none of this.
 *
 * @param allowedHosts host names or address literals that may be fetched, compared exactly (case-insensitive)
 * @param allowPrivateAddresses whether every allowed host may resolve to a non-public address
 * @param privateHosts allowed hosts that may resolve to a non-public address (an intranet's council information system)
 */
@ConfigurationProperties("gremium.calendar")
record CalendarFetchSettings(List<String> allowedHosts, boolean allowPrivateAddresses, List<String> privateHosts) {

    CalendarFetchSettings {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        privateHosts = privateHosts == null ? List.of() : List.copyOf(privateHosts);
    }

    /** Nothing may be fetched: the default. */
    static CalendarFetchSettings none() {
        return new CalendarFetchSettings(List.of(), false, List.of());
    }

    /** Why {@code uri} may not be fetched, if it may not: its scheme or its host. */
    Optional<String> refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.of("refused: only http(s) URLs with a host are fetched");
        }
        if (allowedHosts.isEmpty()) {
            return Optional.of("refused: imports by URL are switched off (gremium.calendar.allowed-hosts is empty); "
                    + "upload the file instead");
        }
        if (!normalized(allowedHosts).contains(host(uri.getHost()))) {
            return Optional.of("refused: the host is not on the allow-list (gremium.calendar.allowed-hosts)");
        }
        return Optional.empty();
    }

    /** Why {@code host} may not be reached at {@code address}, if it may not. */
    Optional<String> refusal(String host, InetAddress address) {
        Optional<String> kind = nonPublic(address);
        if (kind.isEmpty() || allowPrivateAddresses || normalized(privateHosts).contains(host(host))) {
            return Optional.empty();
        }
        return Optional.of("refused: the host resolves to a " + kind.get() + " address "
                + "(gremium.calendar.allow-private-addresses, gremium.calendar.private-hosts)");
    }

    /**
     * What kind of non-public address {@code address} is, if it is one. An IPv6 address that carries an IPv4 address
     * to a gateway (IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, Teredo
     * {@code 2001::/32}, whose server and client addresses both count) is as non-public as the IPv4 address it carries.
     */
    static Optional<String> nonPublic(InetAddress address) {
        Optional<String> own = kind(address);
        if (own.isPresent()) {
            return own;
        }
        return embeddedIpv4(address).stream().map(CalendarFetchSettings::kind).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> kind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (a.isSiteLocalAddress() || uniqueLocalIpv6(a) || sharedOrReservedIpv4(a)) {
            return Optional.of("private");
        }
        return Optional.empty();
    }

    private static boolean uniqueLocalIpv6(InetAddress a) {
        return a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc; // fc00::/7
    }

    /** 0/8, 100.64/10 (carrier-grade NAT), 192.0.0/24, 198.18/15 (benchmarking), 240/4 and broadcast. */
    private static boolean sharedOrReservedIpv4(InetAddress a) {
        if (!(a instanceof Inet4Address)) {
            return false;
        }
        byte[] b = a.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && (second & 0xc0) == 64) || (first == 192 && second == 0 && b[2] == 0)
                || (first == 198 && (second & 0xfe) == 18) || first >= 240;
    }

    /** The IPv4 addresses an IPv6 address carries (see {@link #nonPublic}); none for others. */
    private static List<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return List.of();
        }
        byte[] b = address.getAddress();
        int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (zero(b, 0, 12) || (first == 0x0064 && second == 0xff9b && zero(b, 4, 12))) { // ::a.b.c.d, 64:ff9b::a.b.c.d
            return List.of(ipv4(b[12], b[13], b[14], b[15]));
        }
        if (first == 0x2002) { // 6to4: 2002:AABB:CCDD::/48
            return List.of(ipv4(b[2], b[3], b[4], b[5]));
        }
        if (first == 0x2001 && second == 0) { // Teredo: server in bits 32-63, the client's address inverted at the end
            return List.of(ipv4(b[4], b[5], b[6], b[7]),
                    ipv4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]));
        }
        return List.of();
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Set<String> normalized(List<String> hosts) {
        return hosts.stream().map(CalendarFetchSettings::host).collect(Collectors.toSet());
    }

    /** Lower case, without IPv6 brackets or a final dot. */
    private static String host(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
