package de.gremium.events.problem;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The coordinator closed the report with an outcome and a written resolution. */
@Revision("1")
public record ProblemReportClosed(
        ProblemReportId reportId,
        ResolutionOutcome outcome,
        @PersonalData(of = "closedBy", item = "reportId", text = true) String resolution,
        @PersonalData String closedBy,
        Instant closedAt) implements ProblemReportEvent {

    @Override
    public String actor() {
        return closedBy;
    }

    @Override
    public Instant occurredAt() {
        return closedAt;
    }
}
