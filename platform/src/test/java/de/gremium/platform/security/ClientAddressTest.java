package de.gremium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which address a failed sign-in is counted against: the peer's, or the browser's a trusted proxy names. */
class ClientAddressTest {

    private final ClientAddress.Source source = new ClientAddress.Source(List.of("127.0.0.1", "::1"));

    private static MockHttpServletRequest from(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void aTrustedProxyNamesTheBrowsersAddressTheLastHopItAppended() {
        assertThat(source.buildDetails(from("127.0.0.1", "198.51.100.1, 192.0.2.7")).value()).isEqualTo("192.0.2.7");
        assertThat(source.buildDetails(from("0:0:0:0:0:0:0:1", "192.0.2.8")).value()).isEqualTo("192.0.2.8");
    }

    @Test
    void anyoneElsesForwardedForIsIgnoredSoThatAGuesserCannotChangeItsAddress() {
        assertThat(source.buildDetails(from("192.0.2.50", "192.0.2.7")).value()).isEqualTo("192.0.2.50");
    }

    @Test
    void aForwardedValueThatIsNoAddressIsIgnoredAndNeverLookedUp() {
        assertThat(source.buildDetails(from("127.0.0.1", "cafe.bad")).value()).isEqualTo("127.0.0.1");
    }
}
