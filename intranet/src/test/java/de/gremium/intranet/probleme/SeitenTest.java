package de.gremium.intranet.probleme;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import de.gremium.intranet.IntranetApplication;
import de.gremium.intranet.StubApi;
import de.gremium.intranet.signin.SignedInUser;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The intranet with both APIs stubbed ({@link StubApi}): pages are asked through MockMvc as a signed-in person.
 */
@SpringBootTest(classes = IntranetApplication.class, properties = IntranetApplication.CONFIG_NAME)
@AutoConfigureMockMvc
public abstract class SeitenTest {

    public static final SignedInUser MITGLIED = new SignedInUser("m.mueller", "Maria Müller", List.of("MEMBER"));
    public static final SignedInUser KOORDINATION = new SignedInUser("k.koch", "Karl Koch", List.of("MEMBER", "COORDINATOR"));
    public static final SignedInUser LESER = new SignedInUser("l.lang", "Lea Lang", List.of("READER"));

    static final StubApi APIS = new StubApi();

    protected final StubApi apis = APIS;

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void apis(DynamicPropertyRegistry registry) {
        registry.add("gremium.intranet.query-api", APIS::url);
        registry.add("gremium.intranet.command-api", APIS::url);
    }

    @BeforeEach
    void resetApis() {
        apis.reset();
    }

    /** Signed in as this person, as the form sign-in leaves it (principal {@link SignedInUser}, roles as authorities). */
    public static RequestPostProcessor als(SignedInUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
    }

    /** The group's units as {@code /api/units} lists them. */
    protected void units() {
        apis.get("/api/units", """
                {"departments":[
                  {"name":"Dezernat V","status":"ACTIVE","units":[
                    {"name":"Sozial- und Wohnungsamt","key":"sozial-und-wohnungsamt","status":"ACTIVE","addedAt":"2026-01-05T09:00:00Z"},
                    {"name":"Amt für Statistik","key":"amt-fuer-statistik","status":"RETIRED","addedAt":"2026-01-05T09:00:00Z",
                     "retiredAt":"2026-06-01T09:00:00Z","retirementReason":"aufgelöst"}]},
                  {"name":"Dezernat IV","status":"ACTIVE","units":[
                    {"name":"IV/01","key":"iv-01","status":"ACTIVE","addedAt":"2026-01-05T09:00:00Z"}]}]}""");
    }

    /** The members as {@code /api/members} lists them. */
    protected void members() {
        apis.get("/api/members", """
                {"members":[
                  {"memberId":"m.mueller","name":"Maria Müller","unit":"IV/01","department":"Dezernat IV","roles":[]},
                  {"memberId":"k.koch","name":"Karl Koch","unit":"IV/01","department":"Dezernat IV","roles":["COORDINATOR"]}]}""");
    }
}
