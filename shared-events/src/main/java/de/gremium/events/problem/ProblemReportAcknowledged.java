package de.gremium.events.problem;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The coordinator took the report up for the group's work; the note may be empty. */
@Revision("1")
public record ProblemReportAcknowledged(
        ProblemReportId reportId,
        String note,
        String acknowledgedBy,
        Instant acknowledgedAt) implements ProblemReportEvent {

    @Override
    public String actor() {
        return acknowledgedBy;
    }

    @Override
    public Instant occurredAt() {
        return acknowledgedAt;
    }
}
