package de.gremium.query.deliberation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.events.consensus.ConsensusRecorded;
import de.gremium.events.consensus.DraftAmended;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.consensus.GuestCommented;
import de.gremium.events.consensus.NoConsensusRecorded;
import de.gremium.events.consensus.ObjectionId;
import de.gremium.events.consensus.ObjectionOutcome;
import de.gremium.events.consensus.ObjectionRaised;
import de.gremium.events.consensus.ObjectionResolved;
import de.gremium.events.consensus.ObjectionWithdrawn;
import de.gremium.query.deliberation.DeliberationView.Amendment;
import de.gremium.query.deliberation.DeliberationView.DeliberationStatus;
import de.gremium.query.deliberation.DeliberationView.GuestComment;
import de.gremium.query.deliberation.DeliberationView.Objection;
import de.gremium.query.deliberation.DeliberationView.ObjectionState;
import de.gremium.query.deliberation.DeliberationView.Outcome;
import de.gremium.query.deliberation.DeliberationView.OutcomeKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds the deliberations. Putting the draft is an upsert that sets fields on insert only; every later event
 * applies {@code where _id = id and version < sequence}, so a replayed or redelivered event changes nothing. An
 * objection that ends changes one element of the list, which needs the current list: the processor hands one
 * deliberation's events to one thread in order, so nothing changes in between.
 */
@Component
@ProcessingGroup(DeliberationProjection.GROUP)
public class DeliberationProjection {

    public static final String GROUP = "deliberations";

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final MongoTemplate mongo;

    public DeliberationProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(DraftRecommendationPut event, @SequenceNumber long sequence) {
        mongo.upsert(query(where("_id").is(event.deliberationId().value())), new Update()
                .setOnInsert("meetingId", event.meetingId().value())
                .setOnInsert("agendaItemId", event.agendaItemId().value())
                .setOnInsert("status", DeliberationStatus.RUNNING)
                .setOnInsert("originalDraft", event.text())
                .setOnInsert("draft", event.text())
                .setOnInsert("policyFields", event.policyFields())
                .setOnInsert("year", event.putAt().atZone(BERLIN).getYear())
                .setOnInsert("projectIdeas", event.projectIdeas().stream().map(i -> i.value()).toList())
                .setOnInsert("problemReports", event.problemReports().stream().map(r -> r.value()).toList())
                .setOnInsert("membersPresent", event.membersPresent().stream().map(m -> m.value()).toList())
                .setOnInsert("guestsPresent", event.guestsPresent().stream().map(g -> g.value()).toList())
                .setOnInsert("putBy", event.putBy())
                .setOnInsert("putAt", event.putAt())
                .setOnInsert("amendments", List.of())
                .setOnInsert("objections", List.of())
                .setOnInsert("guestComments", List.of())
                .setOnInsert("lastChangedAt", event.putAt())
                .setOnInsert("version", sequence), DeliberationView.class);
    }

    @EventHandler
    void on(ObjectionRaised event, @SequenceNumber long sequence) {
        applyIfNewer(event.deliberationId().value(), sequence, event.raisedAt(), new Update().push("objections",
                new Objection(event.objectionId().value(), event.memberId().value(), event.reason(), event.raisedAt(),
                        ObjectionState.OPEN, null, null, null)));
    }

    @EventHandler
    void on(GuestCommented event, @SequenceNumber long sequence) {
        applyIfNewer(event.deliberationId().value(), sequence, event.commentedAt(), new Update().push("guestComments",
                new GuestComment(event.guestId().value(), event.comment(), event.recordedBy(), event.commentedAt())));
    }

    @EventHandler
    void on(DraftAmended event, @SequenceNumber long sequence) {
        applyIfNewer(event.deliberationId().value(), sequence, event.amendedAt(), new Update()
                .set("draft", event.text())
                .push("amendments", new Amendment(event.text(), event.resolves().stream().map(ObjectionId::value).toList(),
                        event.amendedBy(), event.amendedAt())));
    }

    @EventHandler
    void on(ObjectionResolved event, @SequenceNumber long sequence) {
        ObjectionState state = event.outcome() == ObjectionOutcome.WITHDRAWN ? ObjectionState.WITHDRAWN
                : ObjectionState.RESOLVED_BY_AMENDMENT;
        endObjection(event.deliberationId().value(), sequence, event.resolvedAt(), event.objectionId(),
                o -> o.ended(state, event.resolvedBy(), event.resolvedAt(), null));
    }

    @EventHandler
    void on(ObjectionWithdrawn event, @SequenceNumber long sequence) {
        endObjection(event.deliberationId().value(), sequence, event.withdrawnAt(), event.objectionId(),
                o -> o.ended(ObjectionState.WITHDRAWN, event.memberId().value(), event.withdrawnAt(), event.note()));
    }

    @EventHandler
    void on(ConsensusRecorded event, @SequenceNumber long sequence) {
        applyIfNewer(event.deliberationId().value(), sequence, event.recordedAt(), new Update()
                .set("status", DeliberationStatus.CLOSED)
                .set("draft", event.text())
                .set("outcome", new Outcome(OutcomeKind.CONSENSUS, event.recommendationId().value(), null, List.of(),
                        event.recordedBy(), event.recordedAt())));
    }

    @EventHandler
    void on(NoConsensusRecorded event, @SequenceNumber long sequence) {
        applyIfNewer(event.deliberationId().value(), sequence, event.recordedAt(), new Update()
                .set("status", DeliberationStatus.CLOSED)
                .set("outcome", new Outcome(OutcomeKind.NO_CONSENSUS, null, event.positions(),
                        event.openObjections().stream().map(ObjectionId::value).toList(), event.recordedBy(),
                        event.recordedAt())));
    }

    /** A replay starts from no deliberations (emptied, not dropped, so that the indexes stay). */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), DeliberationView.class);
    }

    private void endObjection(String id, long sequence, Instant at, ObjectionId objection, UnaryOperator<Objection> end) {
        DeliberationView deliberation = mongo.findById(id, DeliberationView.class);
        if (deliberation == null || deliberation.version() >= sequence) {
            return;
        }
        List<Objection> objections = deliberation.objections().stream()
                .map(o -> o.objectionId().equals(objection.value()) ? end.apply(o) : o).toList();
        applyIfNewer(id, sequence, at, new Update().set("objections", objections));
    }

    private void applyIfNewer(String id, long sequence, Instant at, Update update) {
        mongo.updateFirst(query(where("_id").is(id).and("version").lt(sequence)),
                update.set("version", sequence).set("lastChangedAt", at), DeliberationView.class);
    }
}
