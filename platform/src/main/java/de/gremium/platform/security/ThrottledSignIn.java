package de.gremium.platform.security;

import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Puts the {@link SignInThrottle} in front of the password check: a throttled account or address is refused before
 * the password is looked at (no bcrypt), a wrong password is counted, a right one clears the account's count.
 */
public class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final SignInThrottle throttle;

    public ThrottledSignIn(AuthenticationProvider delegate, SignInThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String account = authentication.getName();
        String address = authentication.getDetails() instanceof ClientAddress client ? client.value() : null;
        Duration wait = throttle.retryAfter(account, address);
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
            throttle.succeeded(account);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
