package de.gremium.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts sign-in attempts whose password is checked (HTTP Basic against the users file) per account and client address,
 * per account across all addresses (a backstop), and per client address (an IPv6 client per /64). An attempt is
 * counted <em>before</em> its password is checked ({@link #admit}), so parallel requests cannot get more guesses than
 * the limit; a successful one is taken back ({@link #succeeded}). Once an account from one address has
 * {@code accountFailures} counted attempts, the account {@code accountWideFailures}, or an address
 * {@code addressFailures}, within {@code window} of each other, further attempts are refused without checking the
 * password until the window has passed since the last counted one. Accounts are kept by the SHA-256 of the lower-cased
 * name (a bounded key, whatever the header's size). The counts are kept in memory, per node (Caffeine, bounded): behind
 * a load balancer each node counts for itself, so the limits apply per node.
 *
 * @param accountFailures     failures of one account from one client address before that pair is throttled
 * @param accountWideFailures failures of one account from all addresses before the account is throttled
 * @param addressFailures     failures from one client address before it is throttled
 * @param window              how long a failure is remembered after the last one
 */
public final class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int MAX_ENTRIES = 100_000;
    private static final int MAX_LOGGED_NAME = 64;

    private final int accountFailures;
    private final int accountWideFailures;
    private final int addressFailures;
    private final Duration window;
    private final Cache<String, Integer> pairs;
    private final Cache<String, Integer> accounts;
    private final Cache<String, Integer> addresses;
    /** Attempts refused while throttled, per account and address: kept apart, so that they do not extend the window. */
    private final Cache<String, Integer> refused;

    public SignInThrottle(int accountFailures, int accountWideFailures, int addressFailures, Duration window) {
        this(accountFailures, accountWideFailures, addressFailures, window, Ticker.systemTicker());
    }

    SignInThrottle(int accountFailures, int accountWideFailures, int addressFailures, Duration window, Ticker ticker) {
        if (accountFailures < 1 || accountWideFailures < 1 || addressFailures < 1 || window.isNegative()
                || window.isZero()) {
            throw new IllegalArgumentException("gremium.security.sign-in-throttle.*: the failures must be at least 1 and "
                    + "the window positive");
        }
        this.accountFailures = accountFailures;
        this.accountWideFailures = accountWideFailures;
        this.addressFailures = addressFailures;
        this.window = window;
        this.pairs = counts(window, ticker);
        this.accounts = counts(window, ticker);
        this.addresses = counts(window, ticker);
        this.refused = counts(window, ticker);
    }

    private static Cache<String, Integer> counts(Duration window, Ticker ticker) {
        return Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_ENTRIES).ticker(ticker).build();
    }

    /** How long the caller must wait before trying again, or {@link Duration#ZERO} when they may try now. */
    public Duration retryAfter(String account, String address) {
        Keys keys = keys(account, address);
        return max(max(remaining(pairs, keys.pair(), accountFailures), remaining(accounts, keys.account(), accountWideFailures)),
                remaining(addresses, keys.address(), addressFailures));
    }

    /**
     * How long this client is locked out of this account altogether: after twice the account's limit of attempts from
     * its address (failures, and attempts refused while throttled), nothing it sends for the account is checked, not
     * even against the recently verified passwords, so that no one can test guesses against them at no cost while the
     * account is in use; below that, a person's own recent sign-in still goes through their typos.
     */
    public Duration retryAfterFromHere(String account, String address) {
        String pair = keys(account, address).pair();
        if (count(pairs, pair) + count(refused, pair) < 2 * accountFailures) {
            return Duration.ZERO;
        }
        return max(remaining(refused, pair, 1), retryAfter(account, address));
    }

    /**
     * Whether an attempt may have its password checked: {@link Duration#ZERO}, or how long to wait. A refused attempt
     * counts for this account from this address (towards {@link #retryAfterFromHere}).
     */
    public Duration admit(String account, String address) {
        Duration wait = retryAfter(account, address);
        if (!wait.isZero()) {
            increment(refused, keys(account, address).pair());
        }
        return wait;
    }

    /** The password was wrong: counted for the account from this address, the account and the address; logs once. */
    public void failed(String account, String address) {
        Keys keys = keys(account, address);
        String name = printable(key(account));
        if (increment(pairs, keys.pair()) == accountFailures) {
            LOG.warn("Sign-in throttled for account '{}' after {} failed attempts (last from {}); refused for {}",
                    name, accountFailures, address, window);
        }
        if (increment(accounts, keys.account()) == accountWideFailures) {
            LOG.warn("Sign-in throttled for account '{}' from every address after {} failed attempts (last from {}); "
                    + "refused for {}", name, accountWideFailures, address, window);
        }
        if (keys.address() != null && increment(addresses, keys.address()) == addressFailures) {
            LOG.warn("Sign-in throttled for client address {} after {} failed attempts (last for account '{}'); "
                    + "refused for {}", keys.address(), addressFailures, name, window);
        }
    }

    /** A successful sign-in clears the failures of the account from this address (not the account's nor the address's). */
    public void succeeded(String account, String address) {
        String pair = keys(account, address).pair();
        pairs.invalidate(pair);
        refused.invalidate(pair);
    }

    private static int increment(Cache<String, Integer> counts, String key) {
        return counts.asMap().merge(key, 1, Integer::sum);
    }

    private static int count(Cache<String, Integer> counts, String key) {
        Integer n = counts.getIfPresent(key);
        return n == null ? 0 : n;
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

    private static Keys keys(String account, String address) {
        String accountKey = accountKey(account);
        String addressKey = addressKey(address);
        return new Keys(accountKey, accountKey + "@" + (addressKey == null ? "" : addressKey), addressKey);
    }

    /** The users directory matches names regardless of case, so the count does too. */
    private static String key(String account) {
        return account == null ? "" : account.toLowerCase(Locale.ROOT);
    }

    /** The SHA-256 of the lower-cased name: 64 characters however long the name a client sent. */
    static String accountKey(String account) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key(account).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An IPv4 address as it is; an IPv6 address by its /64 (one client usually holds a whole /64). */
    static String addressKey(String address) {
        if (address == null || address.isEmpty()) {
            return null;
        }
        boolean ipv6Literal = address.indexOf(':') >= 0 && address.length() <= 64 // parsed as a literal, never looked up
                && address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        if (!ipv6Literal) {
            return address.length() <= 64 ? address : accountKey(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            byte[] prefix = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return accountKey(address);
        }
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

    private record Keys(String account, String pair, String address) {
    }
}
