package de.gremium.events.problem;

import java.time.Instant;

/** Everything that can happen to a problem report. Each event names the report, who acted and when. */
public sealed interface ProblemReportEvent
        permits ProblemReportSubmitted, ProblemReportDetailsAdded, ProblemReportAcknowledged,
        SolutionProposed, ProblemReportClosed, ProblemReportAddressed {

    ProblemReportId reportId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
