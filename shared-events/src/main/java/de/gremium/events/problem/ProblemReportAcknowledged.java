package de.gremium.events.problem;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The coordinator took the report up for the group's work; the note may be empty. */
@Revision("1")
public record ProblemReportAcknowledged(
        ProblemReportId reportId,
        @PersonalData(of = "acknowledgedBy", item = "reportId", text = true) String note,
        @PersonalData String acknowledgedBy,
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
