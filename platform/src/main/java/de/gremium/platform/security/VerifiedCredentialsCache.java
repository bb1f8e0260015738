package de.gremium.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers for a short while that a username/password pair passed bcrypt, so that HTTP Basic does
 * not spend ~70 ms of CPU on every request. Only a salted digest of the pair is kept, never the
 * password; a changed password simply misses the cache.
 */
public class VerifiedCredentialsCache implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    public VerifiedCredentialsCache(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    /** The result of a recent successful check of exactly this name and password, or null (costs one SHA-256). */
    Authentication recall(Authentication authentication) {
        Entry hit = verified.get(digest(authentication.getName(), String.valueOf(authentication.getCredentials())));
        return hit != null && hit.expires().isAfter(clock.instant()) ? hit.result() : null;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String key = digest(authentication.getName(), String.valueOf(authentication.getCredentials()));
        Instant now = clock.instant();
        Entry hit = verified.get(key);
        if (hit != null && hit.expires().isAfter(now)) {
            return hit.result();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(key, new Entry(result, now.plus(ttl)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Entry(Authentication result, Instant expires) {
    }
}
