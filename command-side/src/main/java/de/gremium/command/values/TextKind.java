package de.gremium.command.values;

import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.web.ControlCharacters;
import java.util.Optional;

/**
 * The kinds of text the group records, each with its limit, and the one check of them: a required text is not blank
 * (in Java's sense, which also counts Unicode spaces such as U+2003 as blank), no text is longer than its
 * limit, and no text holds what is not text ({@link ControlCharacters}: a control character other than tab, line
 * feed and carriage return, U+FFFE, U+FFFF, half of a surrogate pair alone), since texts reach the Atom feed, the
 * calendar, CSV and HTML. The edge checks request bodies with it ({@link ValidText}) and the aggregates guard their commands with it,
 * so a value refused by one is refused by the other, for the same reason and with the same status (400).
 */
public enum TextKind {

    /** A title or a name: of a report, an idea, a meeting, a measure, an indicator; a unit, a department, a member's
     * name or id, a guest, an organisation, a location; where observations came from. */
    TITLE(200),
    /** The group's prose: descriptions, details, proposals, resolutions, minutes, drafts, objections, comments,
     * positions, notes, reasons of ideas, projects and decisions. */
    TEXT(20_000),
    /** A reason in the constitution or on the work plan (a unit retired, a member withdrawn, a meeting moved or
     * cancelled), and each text of an indicator's definition (numerator, denominator, data source, …). */
    SHORT_TEXT(2_000),
    /** Where a blocked-calendar import reads from: a URL, or {@code upload:} and a name. */
    SOURCE(2_000),
    /** How to reach a network project. */
    CONTACT(500),
    /** An id that another aggregate or a poll gave: a recommendation's, a candidate's. */
    REFERENCE(100),
    /** The unit of an indicator's values, e.g. {@code %}. */
    UNIT(40);

    private final int max;

    TextKind(int max) {
        this.max = max;
    }

    /** The most characters a text of this kind may have. */
    public int max() {
        return max;
    }

    /** Why {@code value} is not acceptable as a text of this kind, or empty when it is. */
    public Optional<String> problem(String value, boolean required) {
        if (required && (value == null || value.isBlank())) {
            return Optional.of("must not be blank");
        }
        if (value != null && value.length() > max) {
            return Optional.of("size must be between " + (required ? 1 : 0) + " and " + max);
        }
        int forbidden = value == null ? -1 : ControlCharacters.firstForbidden(value);
        if (forbidden >= 0) {
            return Optional.of(ControlCharacters.reason(forbidden));
        }
        return Optional.empty();
    }

    /** An aggregate's guard: {@code value}, or a refusal naming {@code field}. */
    public String require(String field, String value) {
        return check(field, value, true);
    }

    /** An aggregate's guard for a text that may be left out: only its length counts. */
    public String optional(String field, String value) {
        return check(field, value, false);
    }

    private String check(String field, String value, boolean required) {
        Optional<String> problem = problem(value, required);
        if (problem.isPresent()) {
            throw Refusal.invalid(field, field + " " + problem.get());
        }
        return value;
    }
}
