package de.gremium.intranet.empfehlungen;

import de.gremium.intranet.IntranetApplication;
import de.gremium.intranet.StubApi;
import de.gremium.intranet.signin.SignedInUser;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the page tests of this area share: the application with both APIs pointed at {@link StubApi}, MockMvc, and
 * a signed-in person with given roles (the principal the pages read, as the sign-in makes it).
 */
@SpringBootTest(properties = IntranetApplication.CONFIG_NAME)
@AutoConfigureMockMvc
abstract class SeitenTest {

    static final StubApi API = new StubApi();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void apis(DynamicPropertyRegistry properties) {
        properties.add("gremium.intranet.command-api", API::url);
        properties.add("gremium.intranet.query-api", API::url);
    }

    @BeforeEach
    void freshStub() {
        API.reset();
        API.on("GET", "/api/members", 200, Ansichten.MITGLIEDER);
    }

    static RequestPostProcessor als(String userId, String name, String... roles) {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
        return SecurityMockMvcRequestPostProcessors.authentication(new UsernamePasswordAuthenticationToken(
                new SignedInUser(userId, name, List.of(roles)), null, authorities));
    }

    static RequestPostProcessor buergermeisterbuero() {
        return als("buero-ob", "Büro des Oberbürgermeisters", "MAYOR_OFFICE");
    }

    static RequestPostProcessor koordination() {
        return als("koordination", "Kora Koordination", "COORDINATOR", "MEMBER");
    }

    static RequestPostProcessor mitglied(String userId) {
        return als(userId, userId, "MEMBER");
    }
}
