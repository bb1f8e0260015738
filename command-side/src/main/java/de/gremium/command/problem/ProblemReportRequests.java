package de.gremium.command.problem;

import de.gremium.events.PolicyField;
import de.gremium.events.problem.ResolutionOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** The request bodies of the problem-report endpoints, validated at the edge. */
final class ProblemReportRequests {

    private ProblemReportRequests() {
    }

    record Submit(
            @NotBlank @Size(max = ProblemReportRules.TITLE_MAX) String title,
            @NotBlank @Size(max = ProblemReportRules.TEXT_MAX) String description,
            @NotBlank @Size(max = ProblemReportRules.TITLE_MAX) String unit,
            @NotEmpty Set<@NotNull PolicyField> policyFields) {
    }

    record AddDetails(@NotBlank @Size(max = ProblemReportRules.TEXT_MAX) String details) {
    }

    record Acknowledge(@Size(max = ProblemReportRules.TEXT_MAX) String note) {
    }

    record Propose(@NotBlank @Size(max = ProblemReportRules.TEXT_MAX) String proposal) {
    }

    record Close(@NotNull ResolutionOutcome outcome,
            @NotBlank @Size(max = ProblemReportRules.TEXT_MAX) String resolution) {
    }

    /** What a creating request answers: the new id, to read it on the query side. */
    record Created(String id) {
    }

    record ProposalCreated(String reportId, String proposalId) {
    }
}
