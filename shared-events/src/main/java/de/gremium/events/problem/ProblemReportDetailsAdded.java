package de.gremium.events.problem;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The author added further details to their report. */
@Revision("1")
public record ProblemReportDetailsAdded(
        ProblemReportId reportId,
        String details,
        String addedBy,
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
