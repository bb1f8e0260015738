package de.gremium.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * The address a sign-in comes from, as the {@link SignInThrottle} counts it: the connection's peer, or, when the peer
 * is a trusted proxy ({@code gremium.security.sign-in-throttle.trusted-proxies}, e.g. the intranet relaying a form
 * sign-in), the last address that proxy appended to {@code X-Forwarded-For}.
 */
public record ClientAddress(String value) implements Serializable {

    /** Attaches the client address to each HTTP Basic sign-in (Spring Security's authentication details). */
    public static final class Source implements AuthenticationDetailsSource<HttpServletRequest, ClientAddress> {

        private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

        private final List<InetAddress> trustedProxies;

        public Source(List<String> trustedProxies) {
            this.trustedProxies = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty())
                    .map(Source::literal).filter(Objects::nonNull).toList();
        }

        @Override
        public ClientAddress buildDetails(HttpServletRequest request) {
            String peer = request.getRemoteAddr();
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank() && trustedProxies.contains(literal(peer))) {
                String[] hops = forwarded.split(",");
                InetAddress client = literal(hops[hops.length - 1].trim());
                if (client != null) {
                    return new ClientAddress(client.getHostAddress());
                }
            }
            return new ClientAddress(peer);
        }

        /** An IP address written as such, never looked up by name (null when it is none). */
        private static InetAddress literal(String text) {
            boolean ipv4 = text != null && IPV4.matcher(text).matches();
            boolean ipv6 = text != null && text.indexOf(':') >= 0 // parsed as a literal by InetAddress, never looked up
                    && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
            if (!ipv4 && !ipv6) {
                return null;
            }
            try {
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
