package de.gremium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class VerifiedCredentialsCacheTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final AuthenticationProvider bcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            checks.incrementAndGet();
            if (!"right".equals(a.getCredentials())) {
                throw new BadCredentialsException("bad");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null, AuthorityUtils.createAuthorityList("ROLE_MEMBER"));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("anna", password);
    }

    @Test
    void aVerifiedPasswordIsNotCheckedAgainWithinTheTimeToLive() {
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(bcrypt, Duration.ofMinutes(5),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        cache.authenticate(login("right"));
        cache.authenticate(login("right"));
        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsNeverAcceptedEvenRightAfterTheRightOne() {
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(bcrypt, Duration.ofMinutes(5), Clock.systemUTC());
        cache.authenticate(login("right"));
        assertThatThrownBy(() -> cache.authenticate(login("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(login("righ"))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anExpiredEntryIsCheckedAgain() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(bcrypt, Duration.ofMinutes(5), clock);
        cache.authenticate(login("right"));
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        cache.authenticate(login("right"));
        assertThat(checks).hasValue(2);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
