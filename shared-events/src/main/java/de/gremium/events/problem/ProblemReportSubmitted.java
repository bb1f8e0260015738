package de.gremium.events.problem;

import de.gremium.events.PolicyField;
import de.gremium.events.PolicyFields;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** A member reported an experience or problem in implementing the framework concept. */
@Revision("1")
public record ProblemReportSubmitted(
        ProblemReportId reportId,
        @PersonalData(of = "submittedBy", item = "reportId", text = true) String title,
        @PersonalData(of = "submittedBy", item = "reportId", text = true) String description,
        String unit,
        Set<PolicyField> policyFields,
        @PersonalData String submittedBy,
        Instant submittedAt) implements ProblemReportEvent {

    public ProblemReportSubmitted {
        policyFields = PolicyFields.normalised(policyFields);
    }

    @Override
    public String actor() {
        return submittedBy;
    }

    @Override
    public Instant occurredAt() {
        return submittedAt;
    }
}
