package de.gremium.command.problem;

import static de.gremium.platform.refusal.Refusal.conflict;
import static de.gremium.platform.refusal.Refusal.forbidden;

import de.gremium.events.problem.ProblemReportStatus;

/** The rules of a problem report's life, named once so that handlers read as guard clauses. */
final class ProblemReportRules {

    private ProblemReportRules() {
    }

    static void onlyTheAuthorChangesContent(String author, String actor) {
        if (!author.equals(actor)) {
            throw forbidden("Only the author of this report can change it; " + actor + " is not.");
        }
    }

    static void mustBeOpen(ProblemReportStatus status) {
        if (status == ProblemReportStatus.CLOSED) {
            throw conflict("The report is closed; it can no longer be changed.");
        }
    }

    static void acknowledgedOnlyOnce(ProblemReportStatus status) {
        mustBeOpen(status);
        if (status == ProblemReportStatus.ACKNOWLEDGED) {
            throw conflict("The report has already been acknowledged.");
        }
        if (status != ProblemReportStatus.SUBMITTED) {
            throw conflict("The report is already " + status + "; it needs no acknowledgement.");
        }
    }
}
