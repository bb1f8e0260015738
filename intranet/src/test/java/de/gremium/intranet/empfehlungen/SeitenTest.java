package de.gremium.intranet.empfehlungen;

import de.gremium.intranet.PageTest;
import de.gremium.intranet.signin.SignedInUser;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the page tests of this area share besides {@link PageTest}: the members the pages name, and the people who
 * use the pages.
 */
abstract class SeitenTest extends PageTest {

    @BeforeEach
    void theMembers() {
        API.on("GET", "/api/members", 200, Ansichten.MITGLIEDER);
    }

    static RequestPostProcessor als(String userId, String name, String... roles) {
        return as(new SignedInUser(userId, name, List.of(roles)));
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
