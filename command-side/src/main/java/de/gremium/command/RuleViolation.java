package de.gremium.command;

/**
 * A command that an aggregate's current state or rules do not allow. The edge answers 409 (the request
 * was well-formed but conflicts with what already happened) or, for {@link Kind#INVALID}, 400.
 */
public class RuleViolation extends RuntimeException {

    /** Whether the command's own values are wrong (400) or the state forbids it (409). */
    public enum Kind { INVALID, CONFLICT }

    private final Kind kind;
    private final String field;

    public RuleViolation(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static RuleViolation invalid(String field, String message) {
        return new RuleViolation(Kind.INVALID, field, message);
    }

    public static RuleViolation conflict(String message) {
        return new RuleViolation(Kind.CONFLICT, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The command field the rule concerns, or null for the aggregate's state as a whole. */
    public String field() {
        return field;
    }

    /** Guard: text present and not longer than {@code max}. */
    public static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field, field + " must not be blank");
        }
        if (value.length() > max) {
            throw invalid(field, field + " must be at most " + max + " characters");
        }
    }
}
