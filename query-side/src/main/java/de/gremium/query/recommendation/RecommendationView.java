package de.gremium.query.recommendation;

import de.gremium.events.PolicyField;
import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.recommendation.RecommendationStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One recommendation to the Lord Mayor as it stands now: the text the group agreed on, what it answers, its
 * submission and the latest decision. {@code year} is the year of the consensus (its formulation) in
 * Europe/Berlin; {@code reviewDate} repeats the latest decision's review date for the "due for review" filter.
 * {@code version} is the sequence number of the last event applied; it is the ETag.
 */
@Document("recommendations")
@CompoundIndexes({
    @CompoundIndex(name = "list", def = "{'status': 1, 'policyFields': 1, 'year': 1, 'formulatedAt': -1}"),
    @CompoundIndex(name = "newest_first", def = "{'formulatedAt': -1, '_id': 1}"),
    @CompoundIndex(name = "review", def = "{'reviewDate': 1}")
})
public record RecommendationView(
        @Id String id,
        String text,
        Set<PolicyField> policyFields,
        RecommendationStatus status,
        int year,
        String deliberationId,
        String meetingId,
        String agendaItemId,
        List<String> projectIdeas,
        List<String> problemReports,
        String formulatedBy,
        Instant formulatedAt,
        Submission submission,
        Decision decision,
        LocalDate reviewDate,
        Instant lastChangedAt,
        long version) {

    public record Submission(String note, String submittedBy, Instant submittedAt) {
    }

    /** The Lord Mayor's latest decision; a deferred recommendation may be decided again. */
    public record Decision(MayorsDecision decision, String reasons, LocalDate reviewDate, String recordedBy,
            Instant recordedAt) {
    }
}
