package de.gremium.command.calendar;

/**
 * A sync the blocked calendar does not accept. {@link #stale()} ones conflict with a newer sync already
 * recorded (409); the others carry values no source should produce (400).
 */
public class BlockedCalendarRuleViolation extends RuntimeException {

    private final String field;
    private final boolean stale;

    private BlockedCalendarRuleViolation(String field, String message, boolean stale) {
        super(message);
        this.field = field;
        this.stale = stale;
    }

    static BlockedCalendarRuleViolation invalid(String field, String message) {
        return new BlockedCalendarRuleViolation(field, message, false);
    }

    static BlockedCalendarRuleViolation stale(String field, String message) {
        return new BlockedCalendarRuleViolation(field, message, true);
    }

    /** The command field the rule concerns. */
    public String field() {
        return field;
    }

    public boolean stale() {
        return stale;
    }
}
