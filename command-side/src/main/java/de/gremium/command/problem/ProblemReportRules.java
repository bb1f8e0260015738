package de.gremium.command.problem;

import de.gremium.events.problem.ProblemReportStatus;

/** The rules of a problem report's life, named once so that handlers read as guard clauses. */
final class ProblemReportRules {

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 20_000;

    private ProblemReportRules() {
    }

    static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ProblemReportRuleViolation(field, field + " must not be blank");
        }
        if (value.length() > max) {
            throw new ProblemReportRuleViolation(field, field + " must be at most " + max + " characters");
        }
    }

    static void onlyTheAuthorChangesContent(String author, String actor) {
        if (!author.equals(actor)) {
            throw new NotTheAuthor(actor);
        }
    }

    static void mustBeOpen(ProblemReportStatus status) {
        if (status == ProblemReportStatus.CLOSED) {
            throw new ProblemReportRuleViolation(null, "The report is closed; it can no longer be changed.");
        }
    }

    static void acknowledgedOnlyOnce(ProblemReportStatus status) {
        mustBeOpen(status);
        if (status == ProblemReportStatus.ACKNOWLEDGED) {
            throw new ProblemReportRuleViolation(null, "The report has already been acknowledged.");
        }
        if (status != ProblemReportStatus.SUBMITTED) {
            throw new ProblemReportRuleViolation(null, "The report is already " + status + "; it needs no acknowledgement.");
        }
    }
}
