package de.gremium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.web.SecurityFilterChain;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;

/** Default credentials: the published demo users sign in only on loopback or when allowed explicitly, and never quietly. */
@ExtendWith(OutputCaptureExtension.class)
class DemoUsersTest {

    @Test
    void theBuiltInUsersFileIsMarkedAsTheDemoUsers() {
        assertThat(UsersFile.isDemo(new ClassPathResource("gremium/demo-users.yml"))).isTrue();
    }

    @Test
    void demoUsersOnEveryInterfaceRefuseToStartNamingWhatToSetInstead() {
        for (String everywhere : new String[] {"", "0.0.0.0", "::", null}) {
            assertThatThrownBy(() -> DemoUsers.admit(true, everywhere, "auto")).as(everywhere)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Refusing to start with the demo users")
                    .hasMessageContaining("GREMIUM_JWT_ISSUER_URI").hasMessageContaining("GREMIUM_USERS_FILE");
        }
        assertThatThrownBy(() -> DemoUsers.admit(true, "192.0.2.10", "")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void demoUsersOnLoopbackStartWithALoudWarning(CapturedOutput output) {
        assertThat(DemoUsers.admit(true, "127.0.0.1", "auto")).isEqualTo(DemoUsers.Verdict.ON_LOOPBACK);
        assertThat(DemoUsers.admit(true, "::1", "auto")).isEqualTo(DemoUsers.Verdict.ON_LOOPBACK);
        assertThat(DemoUsers.admit(true, "localhost", null)).isEqualTo(DemoUsers.Verdict.ON_LOOPBACK);

        assertThat(output.getOut()).contains("WARN").contains("DEMO USERS ARE SIGNING IN on 127.0.0.1 (loopback)")
                .contains("\"gremium\"");
    }

    @Test
    void demoUsersAllowedExplicitlyStartAnywhereAndSayWhy(CapturedOutput output) {
        assertThat(DemoUsers.admit(true, "0.0.0.0", "true")).isEqualTo(DemoUsers.Verdict.EXPLICITLY_ALLOWED);

        assertThat(output.getOut()).contains("DEMO USERS ARE SIGNING IN on 0.0.0.0 (gremium.security.demo-users=true)");
    }

    @Test
    void demoUsersSwitchedOffAreRefusedEvenOnLoopback() {
        assertThatThrownBy(() -> DemoUsers.admit(true, "127.0.0.1", "false")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("switched off");
    }

    @Test
    void aUsersFileOfOnesOwnStartsOnEveryInterfaceWithoutAWarning(CapturedOutput output) {
        assertThat(DemoUsers.admit(false, "0.0.0.0", "auto")).isEqualTo(DemoUsers.Verdict.NOT_DEMO);

        assertThat(output.getOut()).doesNotContain("DEMO USERS");
    }

    @Test
    void aSettingThatIsNeitherTrueFalseNorAutoIsRefused() {
        assertThatThrownBy(() -> DemoUsers.admit(true, "127.0.0.1", "ja")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("true, false or auto");
    }

    private static WebApplicationContextRunner api() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(GremiumSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
                        ServletWebSecurityAutoConfiguration.class))
                .withBean(ObjectMapper.class)
                // as a Spring Boot application converts settings ("5m" to a Duration, a list from commas)
                .withInitializer(context -> context.getBeanFactory().setConversionService(
                        new ApplicationConversionService()))
                .withPropertyValues("gremium.security.users-file=classpath:gremium/demo-users.yml");
    }

    @Test
    void anApiListeningOnEveryInterfaceWithTheDemoUsersDoesNotStart() {
        api().withPropertyValues("server.address=0.0.0.0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Refusing to start with the demo users");
        });
    }

    @Test
    void anApiListeningOnLoopbackWithTheDemoUsersStarts() {
        api().withPropertyValues("server.address=127.0.0.1").run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(SecurityFilterChain.class));
    }
}
