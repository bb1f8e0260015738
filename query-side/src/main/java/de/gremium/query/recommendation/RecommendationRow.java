package de.gremium.query.recommendation;

import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.recommendation.RecommendationStatus;
import de.gremium.query.api.Rows;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A recommendation in the list: simple values only, lists joined ({@link Rows}), so that a row is also a line of
 * a table. {@code decision} and {@code reviewDate} are the latest decision's.
 */
public record RecommendationRow(String id, RecommendationStatus status, String text, String policyFields, int year,
        Instant formulatedAt, String meetingId, String deliberationId, String projectIdeas, String problemReports,
        Instant submittedAt, MayorsDecision decision, Instant decidedAt, LocalDate reviewDate, long version) {

    static RecommendationRow of(RecommendationView r) {
        Optional<RecommendationView.Decision> decision = Optional.ofNullable(r.decision());
        return new RecommendationRow(r.id(), r.status(), r.text(), Rows.joined(r.policyFields().stream().sorted().toList()),
                r.year(), r.formulatedAt(), r.meetingId(), r.deliberationId(), Rows.joined(r.projectIdeas()),
                Rows.joined(r.problemReports()),
                Optional.ofNullable(r.submission()).map(RecommendationView.Submission::submittedAt).orElse(null),
                decision.map(RecommendationView.Decision::decision).orElse(null),
                decision.map(RecommendationView.Decision::recordedAt).orElse(null), r.reviewDate(), r.version());
    }
}
