package de.gremium.platform.security;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Puts the {@link SignInThrottle} in front of the password check. A credential that matches one verified recently
 * ({@link VerifiedCredentialsCache}) goes through while the account or the address is throttled: it costs no bcrypt,
 * so wrong guesses, someone else's or one's own typos, do not lock out signed-in sessions (the intranet relays the
 * credential on every call). A client that went on trying for the account from its address after it was throttled
 * (twice the limit) gets nothing checked at all, so it cannot test guesses against the recent ones for long. Any
 * other attempt while throttled is refused without bcrypt. Any other attempt is counted before
 * its password is checked (a throttled one is refused without bcrypt); a right password takes its count back.
 */
public class ThrottledSignIn implements AuthenticationProvider {

    private final VerifiedCredentialsCache delegate;
    private final SignInThrottle throttle;

    public ThrottledSignIn(VerifiedCredentialsCache delegate, SignInThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String account = authentication.getName();
        String address = authentication.getDetails() instanceof ClientAddress client ? client.value() : null;
        Duration here = throttle.retryAfterFromHere(account, address);
        if (!here.isZero()) {
            throw new SignInThrottled(here);
        }
        Authentication known = delegate.recall(authentication);
        if (known != null) {
            return known;
        }
        Duration wait = throttle.admit(account, address);
        if (!wait.isZero()) {
            throw new SignInThrottled(wait);
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException wrong) {
            throttle.failed(account, address);
            throw wrong;
        }
        if (result != null) {
            throttle.succeeded(account, address);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
