package de.gremium.events.problem;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A recommendation to the Lord Mayor addresses this report. */
@Revision("1")
public record ProblemReportAddressed(ProblemReportId reportId, String recommendationId, String recordedBy, Instant addressedAt) implements ProblemReportEvent {

    @Override
    public String actor() {
        return recordedBy;
    }

    @Override
    public Instant occurredAt() {
        return addressedAt;
    }
}
