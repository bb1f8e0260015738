package de.gremium.command.problem;

import de.gremium.command.values.TextKind;
import de.gremium.command.values.ValidText;
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
            @ValidText(TextKind.TITLE) String title,
            @ValidText(TextKind.TEXT) String description,
            @ValidText(TextKind.TITLE) String unit,
            @NotEmpty Set<@NotNull PolicyField> policyFields) {
    }

    record AddDetails(@ValidText(TextKind.TEXT) String details) {
    }

    record Acknowledge(@ValidText(value = TextKind.TEXT, required = false) String note) {
    }

    record Propose(@ValidText(TextKind.TEXT) String proposal) {
    }

    record Close(@NotNull ResolutionOutcome outcome,
            @ValidText(TextKind.TEXT) String resolution) {
    }

    /** What a creating request answers: the new id, to read it on the query side. */
    record Created(String id) {
    }

    record ProposalCreated(String reportId, String proposalId) {
    }
}
