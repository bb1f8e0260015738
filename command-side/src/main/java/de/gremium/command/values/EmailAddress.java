package de.gremium.command.values;

import de.gremium.platform.refusal.Refusal;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/**
 * An e-mail address the group writes to: a member's, a guest's. One rule for all of them: a plain address as RFC 5322
 * has it (JavaMail's strict parse), without a display name or comments, with a domain that has a dot, at most
 * {@value #MAX} characters (RFC 5321's limit for a path). Addresses with characters outside ASCII are refused, since
 * the notifications do not assume an SMTP server that takes them. The edge ({@link ValidEmailAddress}) and the
 * aggregates check it here, so a value refused by one is refused by the other, with the same reason (400).
 */
public final class EmailAddress {

    /** The most characters an address may have. */
    public static final int MAX = 254;

    private EmailAddress() {
    }

    /**
     * What a request's field means as an address: null or blank is none (null), anything else is the value without
     * the spaces around it, to be checked by {@link #problem}.
     */
    public static String normalise(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Why {@code value} is not an address, or empty when it is one; null is no address, which is acceptable. */
    public static Optional<String> problem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBlank()) {
            return Optional.of("must be an e-mail address or left out, not blank");
        }
        if (value.length() > MAX) {
            return Optional.of("must have at most " + MAX + " characters");
        }
        if (!value.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            return Optional.of("must be written in ASCII letters, digits and signs, without spaces");
        }
        InternetAddress address;
        try {
            address = new InternetAddress(value, true);
        } catch (AddressException e) {
            return Optional.of("must be a plain e-mail address such as vorname.nachname@magdeburg.de");
        }
        if (address.getPersonal() != null || !value.equals(address.getAddress())) {
            return Optional.of("must be the address alone, without a name or angle brackets, such as "
                    + "vorname.nachname@magdeburg.de");
        }
        int at = value.lastIndexOf('@');
        String domain = at < 0 ? "" : value.substring(at + 1);
        if (at <= 0 || domain.startsWith("[") || !domain.contains(".") || domain.endsWith(".")) {
            return Optional.of("must be a plain e-mail address with a domain, such as vorname.nachname@magdeburg.de");
        }
        return Optional.empty();
    }

    /** The aggregate's guard for an address that may be left out: {@code value}, or a refusal naming {@code field}. */
    public static String optional(String field, String value) {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw Refusal.invalid(field, field + " " + problem.get());
        }
        return value;
    }
}
