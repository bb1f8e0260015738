package de.gremium.events.problem;

import de.gremium.events.PolicyField;
import de.gremium.events.PolicyFields;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Submit a new problem report; id and time are chosen by the caller so the aggregate stays deterministic. */
public record SubmitProblemReport(
        @TargetAggregateIdentifier ProblemReportId reportId,
        String title,
        String description,
        String unit,
        Set<PolicyField> policyFields,
        String submittedBy,
        Instant submittedAt) {

    public SubmitProblemReport {
        policyFields = PolicyFields.normalised(policyFields);
    }
}
