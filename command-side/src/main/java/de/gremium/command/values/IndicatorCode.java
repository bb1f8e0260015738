package de.gremium.command.values;

import de.gremium.platform.refusal.Refusal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An indicator's code, which is also its id: the policy field's or topic's short name and a number, e.g.
 * {@code SPR-01}. The edge ({@link ValidIndicatorCode}) and the {@code Indicator} aggregate check it here.
 */
public final class IndicatorCode {

    /** The form of a code, as a regular expression (the API document shows it). */
    public static final String FORMAT = "[A-Z]{2,6}-\\d{2}";

    private static final Pattern CODE = Pattern.compile(FORMAT);

    private IndicatorCode() {
    }

    /** Why {@code value} is not a code, or empty when it is one. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (!CODE.matcher(value).matches()) {
            return Optional.of("must be 2 to 6 capital letters, a hyphen and two digits, e.g. SPR-01");
        }
        return Optional.empty();
    }

    /** The aggregate's guard: {@code value}, or a refusal naming {@code field}. */
    public static String require(String field, String value) {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw Refusal.invalid(field, field + " " + problem.get());
        }
        return value;
    }
}
