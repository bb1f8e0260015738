package de.gremium.events.problem;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The author added further details to their report. */
@Revision("1")
public record ProblemReportDetailsAdded(
        ProblemReportId reportId,
        @PersonalData(of = "addedBy", item = "reportId", text = true) String details,
        @PersonalData String addedBy,
        Instant addedAt) implements ProblemReportEvent {

    @Override
    public String actor() {
        return addedBy;
    }

    @Override
    public Instant occurredAt() {
        return addedAt;
    }
}
