package de.gremium.events.links;

import de.gremium.events.problem.ProblemReportId;

/** The event concerns one problem report. */
public interface LinksToProblemReport {

    ProblemReportId reportId();
}
