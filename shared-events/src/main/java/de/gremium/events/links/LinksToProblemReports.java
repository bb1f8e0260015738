package de.gremium.events.links;

import de.gremium.events.problem.ProblemReportId;
import java.util.List;

/** The event answers these problem reports (none, one or more). */
public interface LinksToProblemReports {

    List<ProblemReportId> problemReports();
}
