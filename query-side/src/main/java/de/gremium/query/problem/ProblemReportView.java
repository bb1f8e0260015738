package de.gremium.query.problem;

import de.gremium.events.PolicyField;
import de.gremium.events.problem.ProblemReportStatus;
import de.gremium.events.problem.ResolutionOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One report as the problem board shows it. {@code version} is the sequence number of the last event
 * applied: handlers only apply newer events, which makes every replay and redelivery harmless, and
 * clients send it back as {@code If-Match}. {@code addressedBy} lists the recommendations to the Lord
 * Mayor that answer the report.
 */
@Document("problem_board")
@CompoundIndexes({
    @CompoundIndex(name = "board", def = "{'status': 1, 'unit': 1, 'policyFields': 1, 'submittedAt': -1}"),
    // the board's order: a page is read from the index instead of sorting every report
    @CompoundIndex(name = "newest_first", def = "{'submittedAt': -1, '_id': 1}"),
    // a person's own reports (the intranet's start page), in the board's order
    @CompoundIndex(name = "submitted_by", def = "{'submittedBy': 1, 'submittedAt': -1, '_id': 1}")
})
public record ProblemReportView(
        @Id String id,
        String title,
        String description,
        String unit,
        Set<PolicyField> policyFields,
        ProblemReportStatus status,
        String submittedBy,
        Instant submittedAt,
        List<Detail> details,
        Acknowledgement acknowledgement,
        List<Proposal> solutionProposals,
        Closure closure,
        List<String> addressedBy,
        Instant lastChangedAt,
        long version) {

    public record Detail(String details, String addedBy, Instant addedAt) {
    }

    public record Acknowledgement(String note, String acknowledgedBy, Instant acknowledgedAt) {
    }

    public record Proposal(String proposalId, String proposal, String proposedBy, Instant proposedAt) {
    }

    public record Closure(ResolutionOutcome outcome, String resolution, String closedBy, Instant closedAt) {
    }
}
