package de.gremium.intranet.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.gremium.intranet.StubApi;
import de.gremium.intranet.api.Apis;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest(properties = "spring.config.name=intranet")
@AutoConfigureMockMvc
class SignInTest {

    static final StubApi API = new StubApi();

    @DynamicPropertySource
    static void apis(DynamicPropertyRegistry registry) {
        registry.add("gremium.intranet.command-api", API::url);
        registry.add("gremium.intranet.query-api", API::url);
    }

    @AfterAll
    static void stop() {
        API.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Apis apis;

    @BeforeEach
    void anna() {
        API.forget();
        API.on("GET", "/api/me", 200, "{\"userId\":\"anna.amt50\",\"name\":\"Anna Becker (Amt 50)\",\"roles\":[\"MEMBER\"]}");
    }

    @Test
    void a_person_who_is_not_signed_in_is_sent_to_the_sign_in_page() throws Exception {
        mvc.perform(get("/probleme")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/anmelden"));
    }

    @Test
    void the_sign_in_page_is_german_with_labelled_fields_and_autocomplete() throws Exception {
        String page = mvc.perform(get("/anmelden")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<html lang=\"de\"", "<title>Anmelden – Gremium</title>", "<label for=\"benutzername\">",
                "autocomplete=\"current-password\"", "name=\"_csrf\"");
    }

    @Test
    void the_apis_check_the_password_and_the_credential_is_relayed_from_the_session_only() throws Exception {
        MvcResult signedIn = mvc.perform(post("/anmelden").param("benutzername", "anna.amt50").param("passwort", "gremium")
                .with(csrf())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/")).andReturn();
        String expected = "Basic " + Base64.getEncoder().encodeToString("anna.amt50:gremium".getBytes(StandardCharsets.UTF_8));
        assertThat(API.received()).singleElement().satisfies(r -> {
            assertThat(r.pathAndQuery()).isEqualTo("/api/me");
            assertThat(r.authorization()).isEqualTo(expected);
        });
        assertThat(signedIn.getResponse().getCookies()).noneMatch(c -> c.getValue().contains("gremium"));

        // a later call to an API carries the same credential, taken from the session's sign-in
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession();
        SecurityContext context = (SecurityContext) session.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getPrincipal()).isEqualTo(
                new SignedInUser("anna.amt50", "Anna Becker (Amt 50)", java.util.List.of("MEMBER")));
        assertThat(context.getAuthentication().getCredentials()).isNull();
        assertThat(context.getAuthentication().getDetails().toString()).doesNotContain("gremium");
        API.forget();
        SecurityContextHolder.setContext(context);
        try {
            apis.view("/api/me");
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(API.received()).singleElement().satisfies(r -> assertThat(r.authorization()).isEqualTo(expected));
    }

    @Test
    void a_wrong_password_is_answered_in_german_without_saying_which_part_was_wrong() throws Exception {
        API.on("GET", "/api/me", 401, "{\"type\":\"urn:gremium:problem:unauthenticated\",\"status\":401}");
        mvc.perform(post("/anmelden").param("benutzername", "anna.amt50").param("passwort", "falsch").with(csrf()))
                .andExpect(redirectedUrl("/anmelden?falsch"));
        String page = mvc.perform(get("/anmelden?falsch")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("role=\"alert\"", "Benutzername oder Passwort ist falsch");
    }

    @Test
    void an_api_that_cannot_be_reached_is_told_apart_from_a_wrong_password() throws Exception {
        API.on("GET", "/api/me", 503, "{\"type\":\"urn:gremium:problem:store-unavailable\",\"status\":503}");
        mvc.perform(post("/anmelden").param("benutzername", "anna.amt50").param("passwort", "gremium").with(csrf()))
                .andExpect(redirectedUrl("/anmelden?nichterreichbar"));
    }

    @Test
    void too_many_failed_sign_ins_are_told_apart_from_a_wrong_password_and_the_browsers_address_goes_along() throws Exception {
        API.on("GET", "/api/me", 429, "{\"type\":\"urn:gremium:problem:too-many-sign-in-failures\",\"status\":429}",
                java.util.Map.of("Retry-After", "900"));
        mvc.perform(post("/anmelden").param("benutzername", "anna.amt50").param("passwort", "gremium").with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("192.0.2.7");
                            return request;
                        }))
                .andExpect(redirectedUrl("/anmelden?gedrosselt"));
        assertThat(API.received()).singleElement().satisfies(r -> assertThat(r.header("X-Forwarded-For")).isEqualTo("192.0.2.7"));
        String page = mvc.perform(get("/anmelden?gedrosselt")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("role=\"alert\"", "Zu viele fehlgeschlagene Anmeldeversuche")
                .doesNotContain("Benutzername oder Passwort ist falsch");
    }

    @Test
    void a_person_without_a_role_in_gremium_is_told_so() throws Exception {
        API.on("GET", "/api/me", 403, "{\"type\":\"urn:gremium:problem:forbidden\",\"status\":403}");
        mvc.perform(post("/anmelden").param("benutzername", "gast").param("passwort", "gremium").with(csrf()))
                .andExpect(redirectedUrl("/anmelden?keinzugang"));
        String page = mvc.perform(get("/anmelden?keinzugang")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("keine Rolle in Gremium");
    }

    @Test
    void a_sign_in_without_the_csrf_token_is_refused() throws Exception {
        mvc.perform(post("/anmelden").param("benutzername", "anna.amt50").param("passwort", "gremium"))
                .andExpect(redirectedUrl("/anmelden?abgelaufen"));
        assertThat(API.received()).isEmpty();
    }

    @Test
    void a_form_posted_after_its_session_expired_parks_what_was_typed_but_never_the_password_or_token() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/probleme/neu").session(session).header("Referer", "http://localhost/probleme/neu")
                .param("title", "Wartezeiten").param("description", "Lang")
                .param("passwort", "geheim").param("idempotencyKey", "k-1").param("_csrf", "alt"))
                .andExpect(redirectedUrl("/anmelden?abgelaufen"));
        Object parked = session.getAttribute(ParkedForm.SESSION_KEY);
        assertThat(parked).isInstanceOf(ParkedForm.Parked.class);
        ParkedForm.Parked form = (ParkedForm.Parked) parked;
        assertThat(form.path()).isEqualTo("/probleme/neu");
        assertThat(form.page()).isEqualTo("/probleme/neu");
        assertThat(form.fields()).containsOnlyKeys("title", "description");

        // signing in again leads back to that form, which takes the fields
        MvcResult signedIn = mvc.perform(post("/anmelden").session(session).param("benutzername", "anna.amt50")
                .param("passwort", "gremium").with(csrf())).andExpect(redirectedUrl("/probleme/neu")).andReturn();
        MockHttpServletRequestForTake request = new MockHttpServletRequestForTake((MockHttpSession) signedIn.getRequest().getSession());
        assertThat(ParkedForm.take(request, "/probleme/neu")).containsEntry("title", java.util.List.of("Wartezeiten"));
        assertThat(ParkedForm.take(request, "/probleme/neu")).isEmpty();
    }

    @Test
    void the_page_to_go_back_to_is_only_ever_one_of_the_intranets_own() throws Exception {
        for (String foreign : new String[] {"http://evil.example/probleme/neu", "http://localhost//evil.example/x",
            "https://localhost/probleme/neu", "http://localhost:8443/probleme/neu", "nicht eine adresse"}) {
            MockHttpSession session = new MockHttpSession();
            mvc.perform(post("/empfehlungen/e-1/entscheidung").session(session).header("Referer", foreign)
                    .param("reasons", "Gut")).andExpect(redirectedUrl("/anmelden?abgelaufen"));
            assertThat(((ParkedForm.Parked) session.getAttribute(ParkedForm.SESSION_KEY)).page()).as(foreign).isNull();
            mvc.perform(post("/anmelden").session(session).param("benutzername", "anna.amt50").param("passwort", "gremium")
                    .with(csrf())).andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void an_expired_sign_in_form_is_not_parked() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/anmelden").session(session).header("Referer", "http://localhost/anmelden")
                .param("benutzername", "anna.amt50").param("passwort", "gremium")).andExpect(redirectedUrl("/anmelden?abgelaufen"));
        assertThat(session.getAttribute(ParkedForm.SESSION_KEY)).isNull();
    }

    /** A request carrying the signed-in session, to take the parked fields as the form's page does. */
    static final class MockHttpServletRequestForTake extends org.springframework.mock.web.MockHttpServletRequest {
        MockHttpServletRequestForTake(MockHttpSession session) {
            setSession(session);
        }
    }

    @Test
    void pages_carry_a_content_security_policy_that_forbids_inline_scripts_and_framing() throws Exception {
        mvc.perform(get("/anmelden")).andExpect(header().string("Content-Security-Policy",
                org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("script-src 'self'"),
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))));
    }

    @Test
    void signing_out_is_a_post_that_ends_the_session() throws Exception {
        MvcResult signedIn = mvc.perform(post("/anmelden").param("benutzername", "anna.amt50").param("passwort", "gremium")
                .with(csrf())).andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession();
        mvc.perform(post("/abmelden").session(session).with(csrf())).andExpect(redirectedUrl("/anmelden?abgemeldet"));
        assertThat(session.isInvalid()).isTrue();
    }
}
