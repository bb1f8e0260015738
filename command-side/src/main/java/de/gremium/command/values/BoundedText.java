package de.gremium.command.values;

import de.gremium.platform.refusal.Refusal;
import java.util.Optional;

/**
 * The one check of a text the group records: a required text is not blank (in Java's sense, which also counts
 * Unicode spaces such as U+2003 as blank), and no text is longer than its limit. The edge's constraints and the
 * aggregates' guards both ask here, so that a value refused by one is refused by the other, with the same reason.
 */
public final class BoundedText {

    private BoundedText() {
    }

    /** Why {@code value} is not acceptable as a text of at most {@code max} characters, or empty when it is. */
    public static Optional<String> problem(String value, int max, boolean required) {
        if (required && (value == null || value.isBlank())) {
            return Optional.of("must not be blank");
        }
        if (value != null && value.length() > max) {
            return Optional.of("size must be between " + (required ? 1 : 0) + " and " + max);
        }
        return Optional.empty();
    }

    /** An aggregate's guard: {@code value}, or a refusal naming {@code field}. */
    public static String require(String field, String value, int max) {
        return check(field, value, max, true);
    }

    /** An aggregate's guard for a text that may be left out: only its length counts. */
    public static String optional(String field, String value, int max) {
        return check(field, value, max, false);
    }

    private static String check(String field, String value, int max, boolean required) {
        Optional<String> problem = problem(value, max, required);
        if (problem.isPresent()) {
            throw Refusal.invalid(field, field + " " + problem.get());
        }
        return value;
    }
}
