package de.gremium.command.problem;

/**
 * A command that the report's current state does not allow (e.g. closing it twice). The edge answers
 * 409: the request was well-formed, but conflicts with what already happened.
 */
public class ProblemReportRuleViolation extends RuntimeException {

    private final String field;

    public ProblemReportRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the rule concerns, or null for the report's state as a whole. */
    public String field() {
        return field;
    }
}
