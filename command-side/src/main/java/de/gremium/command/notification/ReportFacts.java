package de.gremium.command.notification;

import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import java.util.List;

/** A problem report as the notifier needs it: who wrote it and its title (both may read as erased placeholders). */
record ReportFacts(ProblemReportId reportId, String author, String title) {

    static ReportFacts of(List<Object> events) {
        for (Object event : events) {
            if (event instanceof ProblemReportSubmitted submitted) {
                return new ReportFacts(submitted.reportId(), submitted.submittedBy(), submitted.title());
            }
        }
        return new ReportFacts(null, null, null);
    }

    boolean exists() {
        return reportId != null;
    }
}
