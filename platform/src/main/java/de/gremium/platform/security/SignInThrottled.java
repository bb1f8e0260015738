package de.gremium.platform.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without checking the password, because the account or the client address is throttled: 429. */
public class SignInThrottled extends AuthenticationException {

    private final transient Duration retryAfter;

    public SignInThrottled(Duration retryAfter) {
        super("too many failed sign-ins; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up, as the {@code Retry-After} header takes them. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
