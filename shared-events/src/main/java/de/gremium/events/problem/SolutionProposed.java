package de.gremium.events.problem;

import de.gremium.events.links.LinksToSolutionProposal;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A member proposed a solution to an open report. */
@Revision("1")
public record SolutionProposed(
        ProblemReportId reportId,
        SolutionProposalId proposalId,
        @PersonalData(of = "proposedBy", item = "reportId", text = true) String proposal,
        @PersonalData String proposedBy,
        Instant proposedAt) implements ProblemReportEvent, LinksToSolutionProposal {

    @Override
    public String actor() {
        return proposedBy;
    }

    @Override
    public Instant occurredAt() {
        return proposedAt;
    }
}
