package de.gremium.events.problem;

import de.gremium.events.links.LinksToProblemReport;
import java.time.Instant;

/** Everything that can happen to a problem report. Each event names the report, who acted and when. */
public sealed interface ProblemReportEvent extends LinksToProblemReport
        permits ProblemReportSubmitted, ProblemReportDetailsAdded, ProblemReportAcknowledged,
        SolutionProposed, ProblemReportClosed, ProblemReportAddressed {

    /** The aggregate the event happened to. */
    @Override
    ProblemReportId reportId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
