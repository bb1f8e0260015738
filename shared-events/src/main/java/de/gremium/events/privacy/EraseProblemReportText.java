package de.gremium.events.privacy;

import de.gremium.events.problem.ProblemReportId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase one problem report's free text under the retention rule; the reason is kept, encrypted, with the event. */
public record EraseProblemReportText(@TargetAggregateIdentifier ErasureId erasureId, ProblemReportId reportId, String reason,
        String erasedBy, Instant erasedAt) {
}
