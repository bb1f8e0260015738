package de.gremium.events.privacy;

import de.gremium.events.links.LinksToProblemReport;
import de.gremium.events.problem.ProblemReportId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** One problem report's free text was erased under the retention rule (its key was deleted). */
@Revision("1")
public record ProblemReportTextErased(ErasureId erasureId, ProblemReportId reportId, Instant erasedAt)
        implements PrivacyEvent, LinksToProblemReport {

    /** The metadata key of the erasure's reason (free text of the coordinator, stored encrypted with their key). */
    public static final String REASON = "erasureReason";

    @Override
    public Instant occurredAt() {
        return erasedAt;
    }
}
