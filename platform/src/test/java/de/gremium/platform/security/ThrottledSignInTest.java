package de.gremium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** Password guessing: failed sign-ins are counted per account and per address, and a throttled one costs no bcrypt. */
@ExtendWith(OutputCaptureExtension.class)
class ThrottledSignInTest {

    private final AtomicInteger passwordChecks = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final SignInThrottle throttle = new SignInThrottle(5, 20, Duration.ofMinutes(15), nanos::get);
    private final ThrottledSignIn signIn = new ThrottledSignIn(new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            passwordChecks.incrementAndGet(); // stands for bcrypt
            if (!"gremium".equals(a.getCredentials())) {
                throw new BadCredentialsException("bad");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, AuthorityUtils.createAuthorityList("ROLE_MEMBER"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }, throttle);

    private static Authentication login(String user, String password, String address) {
        UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        login.setDetails(new ClientAddress(address));
        return login;
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> signIn.authenticate(login(user, "falsch", address))).isInstanceOf(BadCredentialsException.class);
        }
    }

    @Test
    void fiveWrongPasswordsForAnAccountThrottleItAndEvenTheRightPasswordIsRefusedWithoutBeingChecked() {
        fail("anna.amt50", "192.0.2.1", 5);
        int checks = passwordChecks.get();

        assertThatThrownBy(() -> signIn.authenticate(login("anna.amt50", "gremium", "192.0.2.99")))
                .isInstanceOfSatisfying(SignInThrottled.class, t -> assertThat(t.retryAfterSeconds()).isEqualTo(900));
        assertThat(passwordChecks).as("no bcrypt while throttled").hasValue(checks);
    }

    @Test
    void theAccountNameIsCountedRegardlessOfCaseAsTheUsersDirectoryMatchesIt() {
        fail("anna.amt50", "192.0.2.1", 3);
        fail("ANNA.amt50", "192.0.2.1", 2);

        assertThatThrownBy(() -> signIn.authenticate(login("Anna.Amt50", "gremium", "192.0.2.1"))).isInstanceOf(SignInThrottled.class);
    }

    @Test
    void otherAccountsAreUnaffectedByOneAccountsThrottle() {
        fail("anna.amt50", "192.0.2.1", 5);

        assertThat(signIn.authenticate(login("jonas.fb32", "gremium", "192.0.2.2")).isAuthenticated()).isTrue();
    }

    @Test
    void twentyFailuresFromOneAddressThrottleThatAddressForEveryAccountButNotOtherAddresses() {
        for (int i = 0; i < 20; i++) {
            fail("user" + i, "192.0.2.3", 1);
        }

        assertThatThrownBy(() -> signIn.authenticate(login("jonas.fb32", "gremium", "192.0.2.3"))).isInstanceOf(SignInThrottled.class);
        assertThat(signIn.authenticate(login("jonas.fb32", "gremium", "192.0.2.4")).isAuthenticated()).isTrue();
    }

    @Test
    void theThrottleEndsWhenTheWindowHasPassedSinceTheLastFailureAndRetryAfterCountsDown() {
        fail("anna.amt50", "192.0.2.1", 5);
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());

        assertThatThrownBy(() -> signIn.authenticate(login("anna.amt50", "gremium", "192.0.2.1")))
                .isInstanceOfSatisfying(SignInThrottled.class, t -> assertThat(t.retryAfterSeconds()).isEqualTo(300));
        nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
        assertThat(signIn.authenticate(login("anna.amt50", "gremium", "192.0.2.1")).isAuthenticated()).isTrue();
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailures() {
        fail("anna.amt50", "192.0.2.1", 4);
        signIn.authenticate(login("anna.amt50", "gremium", "192.0.2.1"));
        fail("anna.amt50", "192.0.2.1", 4);

        assertThat(signIn.authenticate(login("anna.amt50", "gremium", "192.0.2.1")).isAuthenticated()).isTrue();
    }

    @Test
    void theThrottleIsLoggedOnceInOneLineWithoutThePasswordAndWithTheNameEscaped(CapturedOutput output) {
        fail("anna\nFORGED", "192.0.2.1", 5);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> signIn.authenticate(login("anna\nFORGED", "falsch", "192.0.2.1")))
                    .isInstanceOf(SignInThrottled.class);
        }

        assertThat(output.getOut().lines().filter(line -> line.contains("Sign-in throttled"))).singleElement().asString()
                .contains("anna\\u000aforged", "192.0.2.1", "5 failed attempts").doesNotContain("falsch");
        assertThat(output.getOut()).doesNotContain("falsch").doesNotContain("\nFORGED").doesNotContain("\nforged");
    }
}
