package de.gremium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class UsersFileTest {

    private static final String HASH = "\"$2a$10$ep4eNla3qgDFNrzaYK1QlePDAaHWlsyvEY9WOxyOxt4FgtoZpnQfG\"";

    private static ByteArrayResource file(String email) {
        return new ByteArrayResource(("users:\n  - username: anna.amt50\n    name: Anna\n    passwordHash: " + HASH
                + "\n    roles: [MEMBER]\n    unit: Amt 50\n" + (email == null ? "" : "    email: " + email + "\n"))
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDemoMembersHaveExampleAddressesUnderMagdeburgExampleAndTheReaderNone() {
        assertThat(UsersFile.read(new ClassPathResource("gremium/demo-users.yml")))
                .extracting(GremiumUser::username, GremiumUser::email)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("koordinator", "koordination.integration@magdeburg.example"),
                        org.assertj.core.groups.Tuple.tuple("anna.amt50", "anna.becker@magdeburg.example"),
                        org.assertj.core.groups.Tuple.tuple("jonas.fb32", "jonas.wolf@magdeburg.example"),
                        org.assertj.core.groups.Tuple.tuple("buero.ob", "buero.ob@magdeburg.example"),
                        org.assertj.core.groups.Tuple.tuple("leser", null));
    }

    @Test
    void anAddressIsReadWithoutTheSpacesAroundItAndBlankOrMissingIsNone() {
        assertThat(UsersFile.read(file("\"  anna@magdeburg.de \"")).get(0).email()).isEqualTo("anna@magdeburg.de");
        assertThat(UsersFile.read(file("\"  \"")).get(0).email()).isNull();
        assertThat(UsersFile.read(file(null)).get(0).email()).isNull();
    }

    @Test
    void anAddressThatIsNotATextStopsTheStartNamingTheUser() {
        assertThatThrownBy(() -> UsersFile.read(file("[anna@magdeburg.de]")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("anna.amt50");
    }
}
