package de.gremium.query.problem;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportAddressed;
import de.gremium.events.problem.ProblemReportClosed;
import de.gremium.events.problem.ProblemReportDetailsAdded;
import de.gremium.events.problem.ProblemReportStatus;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.problem.SolutionProposed;
import de.gremium.query.view.ViewWrites;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds the problem board. Every handler is an upsert or a guarded update keyed by report id and
 * event sequence, so an event delivered twice (a replay, or a redelivery after a crash) changes nothing.
 * The handlers only write, so a batch's writes go to the store together ({@link ViewWrites}).
 */
@Component
@ProcessingGroup(ProblemBoardProjection.GROUP)
public class ProblemBoardProjection {

    public static final String GROUP = "problem-board";

    private final MongoTemplate mongo;
    private final ViewWrites writes;

    @Autowired
    public ProblemBoardProjection(MongoTemplate mongo, ViewWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    /** Every write at once (handlers called outside a processor's batch, as in tests). */
    public ProblemBoardProjection(MongoTemplate mongo) {
        this(mongo, new ViewWrites(mongo));
    }

    @EventHandler
    void on(ProblemReportSubmitted event, @SequenceNumber long sequence) {
        Update insert = new Update()
                .setOnInsert("title", event.title())
                .setOnInsert("description", event.description())
                .setOnInsert("unit", event.unit())
                .setOnInsert("policyFields", event.policyFields())
                .setOnInsert("status", ProblemReportStatus.SUBMITTED)
                .setOnInsert("submittedBy", event.submittedBy())
                .setOnInsert("submittedAt", event.submittedAt())
                .setOnInsert("details", List.of())
                .setOnInsert("solutionProposals", List.of())
                .setOnInsert("lastChangedAt", event.submittedAt())
                .setOnInsert("version", sequence);
        writes.upsert(query(where("_id").is(event.reportId().value())), insert, ProblemReportView.class);
    }

    @EventHandler
    void on(ProblemReportDetailsAdded event, @SequenceNumber long sequence) {
        applyIfNewer(event.reportId().value(), sequence, event.addedAt(), new Update()
                .push("details", new ProblemReportView.Detail(event.details(), event.addedBy(), event.addedAt())));
    }

    @EventHandler
    void on(ProblemReportAcknowledged event, @SequenceNumber long sequence) {
        applyIfNewer(event.reportId().value(), sequence, event.acknowledgedAt(), new Update()
                .set("status", ProblemReportStatus.ACKNOWLEDGED)
                .set("acknowledgement", new ProblemReportView.Acknowledgement(event.note(), event.acknowledgedBy(),
                        event.acknowledgedAt())));
    }

    @EventHandler
    void on(SolutionProposed event, @SequenceNumber long sequence) {
        applyIfNewer(event.reportId().value(), sequence, event.proposedAt(), new Update()
                .push("solutionProposals", new ProblemReportView.Proposal(event.proposalId().value(), event.proposal(),
                        event.proposedBy(), event.proposedAt())));
    }

    @EventHandler
    void on(ProblemReportClosed event, @SequenceNumber long sequence) {
        applyIfNewer(event.reportId().value(), sequence, event.closedAt(), new Update()
                .set("status", ProblemReportStatus.CLOSED)
                .set("closure", new ProblemReportView.Closure(event.outcome(), event.resolution(), event.closedBy(),
                        event.closedAt())));
    }

    @EventHandler
    void on(ProblemReportAddressed event, @SequenceNumber long sequence) {
        applyIfNewer(event.reportId().value(), sequence, event.addressedAt(), new Update()
                .set("status", ProblemReportStatus.ADDRESSED)
                .addToSet("addressedBy", event.recommendationId().value()));
    }

    /** A replay starts from an empty board (emptied, not dropped, so that its indexes stay). */
    @ResetHandler
    void reset() {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), ProblemReportView.class);
    }

    private void applyIfNewer(String reportId, long sequence, Instant at, Update update) {
        writes.updateFirst(query(where("_id").is(reportId).and("version").lt(sequence)),
                update.set("version", sequence).set("lastChangedAt", at), ProblemReportView.class);
    }
}
