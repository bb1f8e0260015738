package de.gremium.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed sign-ins (HTTP Basic against the users file) per account and per client address. Once an account has
 * {@code accountFailures} failures, or an address {@code addressFailures}, within {@code window} of each other, further
 * attempts are refused without checking the password until the window has passed since the last counted failure; a
 * successful sign-in clears the account's count. The counts are kept in memory, per node (Caffeine, bounded): behind a
 * load balancer each node counts for itself, so the limits apply per node.
 *
 * @param accountFailures failures of one account before it is throttled
 * @param addressFailures failures from one client address before it is throttled
 * @param window          how long a failure is remembered after the last one
 */
public final class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int MAX_ENTRIES = 100_000;
    private static final int MAX_LOGGED_NAME = 64;

    private final int accountFailures;
    private final int addressFailures;
    private final Duration window;
    private final Cache<String, Integer> accounts;
    private final Cache<String, Integer> addresses;

    public SignInThrottle(int accountFailures, int addressFailures, Duration window) {
        this(accountFailures, addressFailures, window, Ticker.systemTicker());
    }

    SignInThrottle(int accountFailures, int addressFailures, Duration window, Ticker ticker) {
        if (accountFailures < 1 || addressFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("gremium.security.sign-in-throttle.*: the failures must be at least 1 and "
                    + "the window positive");
        }
        this.accountFailures = accountFailures;
        this.addressFailures = addressFailures;
        this.window = window;
        this.accounts = counts(window, ticker);
        this.addresses = counts(window, ticker);
    }

    private static Cache<String, Integer> counts(Duration window, Ticker ticker) {
        return Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_ENTRIES).ticker(ticker).build();
    }

    /** How long the caller must wait before trying again, or {@link Duration#ZERO} when they may try now. */
    public Duration retryAfter(String account, String address) {
        return max(remaining(accounts, key(account), accountFailures), remaining(addresses, address, addressFailures));
    }

    /** Counts a failure; logs one line (without the password) when the account or the address becomes throttled. */
    public void failed(String account, String address) {
        String key = key(account);
        int byAccount = accounts.asMap().merge(key, 1, Integer::sum);
        if (byAccount == accountFailures) {
            LOG.warn("Sign-in throttled for account '{}' after {} failed attempts (last from {}); refused for {}",
                    printable(key), byAccount, address, window);
        }
        if (address != null) {
            int byAddress = addresses.asMap().merge(address, 1, Integer::sum);
            if (byAddress == addressFailures) {
                LOG.warn("Sign-in throttled for client address {} after {} failed attempts (last for account '{}'); "
                        + "refused for {}", address, byAddress, printable(key), window);
            }
        }
    }

    /** A successful sign-in clears the account's failures (not the address's: one good password does not vouch for it). */
    public void succeeded(String account) {
        accounts.invalidate(key(account));
    }

    private Duration remaining(Cache<String, Integer> counts, String key, int limit) {
        if (key == null) {
            return Duration.ZERO;
        }
        Integer failures = counts.getIfPresent(key);
        if (failures == null || failures < limit) {
            return Duration.ZERO;
        }
        return counts.policy().expireAfterWrite()
                .flatMap(expiry -> expiry.ageOf(key))
                .map(age -> window.minus(age))
                .filter(left -> !left.isNegative())
                .orElse(Duration.ZERO);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The users directory matches names regardless of case, so the count does too. */
    private static String key(String account) {
        return account == null ? "" : account.toLowerCase(Locale.ROOT);
    }

    /** A name as the caller typed it, safe for one log line: control characters escaped, the length bounded. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(MAX_LOGGED_NAME).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return name.codePointCount(0, name.length()) > MAX_LOGGED_NAME ? out + "…" : out.toString();
    }
}
