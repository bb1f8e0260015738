package de.gremium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
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
    private final SignInThrottle throttle = new SignInThrottle(5, 50, 20, Duration.ofMinutes(15), nanos::get);
    private final ThrottledSignIn signIn = new ThrottledSignIn(new VerifiedCredentialsCache(new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            passwordChecks.incrementAndGet(); // stands for bcrypt
            awaitRelease();
            if (!"gremium".equals(a.getCredentials())) {
                throw new BadCredentialsException("bad");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, AuthorityUtils.createAuthorityList("ROLE_MEMBER"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }, Duration.ofMinutes(5), Clock.systemUTC()), throttle);

    private volatile CountDownLatch release = new CountDownLatch(0);

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

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
    void fiveWrongPasswordsForAnAccountFromOneAddressThrottleThatPairAndEvenTheRightPasswordIsRefusedWithoutBeingChecked() {
        fail("anna.amt50", "192.0.2.1", 5);
        int checks = passwordChecks.get();

        assertThatThrownBy(() -> signIn.authenticate(login("anna.amt50", "gremium", "192.0.2.1")))
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

    @Test
    void anAttackersWrongPasswordsDoNotLockTheAccountOutForOtherAddressesUntilTheAccountWideBackstop() {
        fail("anna.amt50", "198.51.100.7", 5);

        assertThat(signIn.authenticate(login("anna.amt50", "gremium", "192.0.2.1")).isAuthenticated()).isTrue();
        for (int i = 0; i < 10; i++) {
            fail("jonas.fb32", "198.51.100." + (10 + i), 5);
        }
        assertThatThrownBy(() -> signIn.authenticate(login("jonas.fb32", "gremium", "192.0.2.2")))
                .as("50 failures from all addresses throttle the account").isInstanceOf(SignInThrottled.class);
    }

    @Test
    void aRecentlyVerifiedPasswordGoesThroughWithoutBcryptEvenWhileTheAccountIsThrottledEverywhere() {
        signIn.authenticate(login("anna.amt50", "gremium", "192.0.2.1"));
        for (int i = 0; i < 10; i++) {
            fail("anna.amt50", "198.51.100." + (10 + i), 5);
        }
        assertThatThrownBy(() -> signIn.authenticate(login("anna.amt50", "gremium2", "192.0.2.1")))
                .isInstanceOf(SignInThrottled.class);
        int checks = passwordChecks.get();

        assertThat(signIn.authenticate(login("anna.amt50", "gremium", "192.0.2.1")).isAuthenticated()).isTrue();
        assertThat(signIn.authenticate(login("anna.amt50", "gremium", "203.0.113.9")).isAuthenticated()).isTrue();
        assertThat(passwordChecks).as("the remembered credential costs no bcrypt").hasValue(checks);
    }

    @Test
    void aClientThatGoesOnGuessingWhileThrottledCannotTestGuessesAgainstTheRecentlyVerifiedPasswordsForLong() {
        signIn.authenticate(login("anna.amt50", "gremium", "192.0.2.1"));
        fail("anna.amt50", "198.51.100.7", 5);
        assertThat(signIn.authenticate(login("anna.amt50", "gremium", "198.51.100.7")).isAuthenticated())
                .as("a person's own sign-in goes through their typos").isTrue();
        for (int i = 0; i < 5; i++) {
            String guess = "geraten" + i;
            assertThatThrownBy(() -> signIn.authenticate(login("anna.amt50", guess, "198.51.100.7")))
                    .isInstanceOf(SignInThrottled.class);
        }

        assertThatThrownBy(() -> signIn.authenticate(login("anna.amt50", "gremium", "198.51.100.7")))
                .as("after twice the limit from one address, not even a remembered password is tried")
                .isInstanceOf(SignInThrottled.class);
        assertThat(signIn.authenticate(login("anna.amt50", "gremium", "192.0.2.1")).isAuthenticated()).isTrue();
    }

    @Test
    void manyParallelFirstSignInsOfOneAccountWithTheRightPasswordAreAllLetThrough() throws Exception {
        release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Authentication>> signIns = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                signIns.add(pool.submit(() -> signIn.authenticate(login("anna.amt50", "gremium", "192.0.2.1"))));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> passwordChecks.get() >= 12);
            release.countDown();
            for (Future<Authentication> signedIn : signIns) {
                assertThat(signedIn.get().isAuthenticated()).as("a restart's first requests, all at once").isTrue();
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        for (int i = 0; i < 20; i++) {
            fail("user" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1), 1);
        }

        assertThatThrownBy(() -> signIn.authenticate(login("jonas.fb32", "gremium", "2001:db8:1:2:ffff::1")))
                .isInstanceOf(SignInThrottled.class);
        assertThat(signIn.authenticate(login("jonas.fb32", "gremium", "2001:db8:1:3::1")).isAuthenticated()).isTrue();
    }

    @Test
    void anAccountIsKeptByTheSha256OfItsLowerCasedNameHoweverLongTheNameSent() {
        String huge = "A".repeat(8_000);

        assertThat(SignInThrottle.accountKey(huge)).hasSize(64).isEqualTo(SignInThrottle.accountKey(huge.toLowerCase()));
        assertThat(SignInThrottle.addressKey("2001:db8:1:2:3:4:5:6")).isEqualTo(SignInThrottle.addressKey("2001:db8:1:2::9"));
    }
}
