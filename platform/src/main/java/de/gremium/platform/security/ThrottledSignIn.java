package de.gremium.platform.security;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Puts the {@link SignInThrottle} in front of the password check. A credential that matches one verified recently
 * ({@link VerifiedCredentialsCache}) goes through even while its account is throttled: it costs no bcrypt and proves
 * nothing new, so an attacker's wrong guesses cannot lock out signed-in sessions. Any other attempt is counted before
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
        Authentication known = delegate.recall(authentication);
        if (known != null) {
            return known;
        }
        String account = authentication.getName();
        String address = authentication.getDetails() instanceof ClientAddress client ? client.value() : null;
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
        } catch (RuntimeException error) {
            throttle.abandoned(account, address);
            throw error;
        }
        if (result != null) {
            throttle.succeeded(account, address);
        } else {
            throttle.abandoned(account, address);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
