package de.gremium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A cross-site {@code <img>} or link sends no Origin; the browser's Sec-Fetch-Site still gives it away. */
class CrossSiteRequestFilterTest {

    private static final String ALLOWED = "https://intranet.example";

    private final CrossSiteRequestFilter filter = new CrossSiteRequestFilter(List.of(ALLOWED),
            List.of(MediaType.APPLICATION_JSON), new ObjectMapper());

    private MockHttpServletResponse get(String origin, String secFetchSite) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        request.setServerName("api.example");
        request.setServerPort(80);
        if (origin != null) {
            request.addHeader("Origin", origin);
        }
        if (secFetchSite != null) {
            request.addHeader("Sec-Fetch-Site", secFetchSite);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aGetFromAnotherSiteWithoutOriginIsRefusedNamingSecFetchSite() throws Exception {
        for (String site : List.of("cross-site", "Cross-Site", "same-site")) {
            MockHttpServletResponse refused = get(null, site);

            assertThat(refused.getStatus()).as(site).isEqualTo(403);
            assertThat(refused.getContentAsString()).contains("foreign-origin").contains("Sec-Fetch-Site");
        }
    }

    @Test
    void sameOriginNoneAbsentOrAnAllowedOriginPass() throws Exception {
        assertThat(get(null, "same-origin").getStatus()).isEqualTo(200);
        assertThat(get(null, "none").getStatus()).as("typed into the address bar").isEqualTo(200);
        assertThat(get(null, null).getStatus()).as("programs").isEqualTo(200);
        assertThat(get(ALLOWED, "cross-site").getStatus()).as("an allowed origin").isEqualTo(200);
        assertThat(get("http://api.example", "same-origin").getStatus()).isEqualTo(200);
        assertThat(get("https://evil.example", "cross-site").getStatus()).isEqualTo(403);
    }
}
