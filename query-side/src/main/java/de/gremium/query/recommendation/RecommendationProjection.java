package de.gremium.query.recommendation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationStatus;
import de.gremium.events.recommendation.RecommendationSubmitted;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds the list of recommendations to the Lord Mayor. Formulation is an upsert that sets fields on insert
 * only; a later event applies {@code where _id = id and version < sequence}, so a replayed or redelivered event
 * changes nothing. The status follows the aggregate's rule: a decision of DEFERRED leaves the recommendation
 * DEFERRED, any other DECIDED.
 */
@Component
@ProcessingGroup(RecommendationProjection.GROUP)
public class RecommendationProjection {

    public static final String GROUP = "recommendations";

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final MongoTemplate mongo;

    public RecommendationProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(RecommendationFormulated event, @SequenceNumber long sequence) {
        mongo.upsert(query(where("_id").is(event.recommendationId().value())), new Update()
                .setOnInsert("text", event.text())
                .setOnInsert("policyFields", event.policyFields())
                .setOnInsert("status", RecommendationStatus.FORMULATED)
                .setOnInsert("year", event.formulatedAt().atZone(BERLIN).getYear())
                .setOnInsert("deliberationId", Optional.ofNullable(event.deliberationId()).map(DeliberationId::value)
                        .orElse(null))
                .setOnInsert("meetingId", event.meetingId().value())
                .setOnInsert("agendaItemId", event.agendaItemId().value())
                .setOnInsert("projectIdeas", event.projectIdeas().stream().map(i -> i.value()).toList())
                .setOnInsert("problemReports", event.problemReports().stream().map(r -> r.value()).toList())
                .setOnInsert("formulatedBy", event.formulatedBy())
                .setOnInsert("formulatedAt", event.formulatedAt())
                .setOnInsert("lastChangedAt", event.formulatedAt())
                .setOnInsert("version", sequence), RecommendationView.class);
    }

    @EventHandler
    void on(RecommendationSubmitted event, @SequenceNumber long sequence) {
        applyIfNewer(event.recommendationId().value(), sequence, event.submittedAt(), new Update()
                .set("status", RecommendationStatus.SUBMITTED)
                .set("submission", new RecommendationView.Submission(event.note(), event.submittedBy(),
                        event.submittedAt())));
    }

    @EventHandler
    void on(MayorsDecisionRecorded event, @SequenceNumber long sequence) {
        applyIfNewer(event.recommendationId().value(), sequence, event.recordedAt(), new Update()
                .set("status", event.decision() == MayorsDecision.DEFERRED ? RecommendationStatus.DEFERRED
                        : RecommendationStatus.DECIDED)
                .set("decision", new RecommendationView.Decision(event.decision(), event.reasons(), event.reviewDate(),
                        event.recordedBy(), event.recordedAt()))
                .set("reviewDate", event.reviewDate()));
    }

    /** A replay starts from no recommendations (emptied, not dropped, so that the indexes stay). */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), RecommendationView.class);
    }

    private void applyIfNewer(String id, long sequence, Instant at, Update update) {
        mongo.updateFirst(query(where("_id").is(id).and("version").lt(sequence)),
                update.set("version", sequence).set("lastChangedAt", at), RecommendationView.class);
    }
}
