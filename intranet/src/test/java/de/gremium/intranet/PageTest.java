package de.gremium.intranet;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import de.gremium.intranet.signin.SignedInUser;
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
 * What every page test shares: the intranet with both APIs pointed at one {@link StubApi}, MockMvc, and a person
 * signed in as the sign-in leaves them. One stub serves the whole test run, because the Spring context (and with it
 * the stub's address) is shared by the test classes; it forgets its answers and requests before each test.
 */
@SpringBootTest(properties = IntranetApplication.CONFIG_NAME)
@AutoConfigureMockMvc
public abstract class PageTest {

    protected static final StubApi API = new StubApi();

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void apis(DynamicPropertyRegistry properties) {
        properties.add("gremium.intranet.command-api", API::url);
        properties.add("gremium.intranet.query-api", API::url);
    }

    @BeforeEach
    void forgetTheLastTest() {
        API.reset();
    }

    /** Signed in as this person: principal {@link SignedInUser}, roles as {@code ROLE_} authorities. */
    public static RequestPostProcessor as(SignedInUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
    }
}
