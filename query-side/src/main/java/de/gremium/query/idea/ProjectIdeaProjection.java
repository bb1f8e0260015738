package de.gremium.query.idea;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.events.idea.ProjectIdeaDiscussed;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaPlacedOnAgenda;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.idea.ProjectIdeaRecommended;
import de.gremium.events.idea.ProjectIdeaRevised;
import de.gremium.events.idea.ProjectIdeaShelved;
import de.gremium.events.idea.ProjectIdeaStatus;
import de.gremium.events.idea.ProjectIdeaWithdrawn;
import de.gremium.query.idea.ProjectIdeaView.Closure;
import de.gremium.query.idea.ProjectIdeaView.Discussion;
import de.gremium.query.idea.ProjectIdeaView.Placement;
import de.gremium.query.idea.ProjectIdeaView.Step;
import de.gremium.query.idea.ProjectIdeaView.StepKind;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds the project ideas view. The proposal is an upsert that sets fields on insert only; every
 * later event applies {@code where _id = ideaId and version < sequence} and sets the version in the
 * same update, so a replayed or redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ProjectIdeaProjection.GROUP)
public class ProjectIdeaProjection {

    public static final String GROUP = "project-ideas";

    private final MongoTemplate mongo;

    public ProjectIdeaProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ProjectIdeaProposed event, @SequenceNumber long sequence) {
        mongo.upsert(query(where("_id").is(event.ideaId().value())), new Update()
                .setOnInsert("title", event.title())
                .setOnInsert("description", event.description())
                .setOnInsert("policyFields", event.policyFields())
                .setOnInsert("status", ProjectIdeaStatus.PROPOSED)
                .setOnInsert("proposedBy", event.proposedBy())
                .setOnInsert("proposedAt", event.proposedAt())
                .setOnInsert("agendaPlacements", List.of())
                .setOnInsert("discussions", List.of())
                .setOnInsert("recommendationIds", List.of())
                .setOnInsert("history", List.of(new Step(StepKind.PROPOSED, event.proposedBy(), event.proposedAt(), null, null)))
                .setOnInsert("lastChangedAt", event.proposedAt())
                .setOnInsert("version", sequence), ProjectIdeaView.class);
    }

    @EventHandler
    void on(ProjectIdeaRevised event, @SequenceNumber long sequence) {
        applyIfNewer(event.ideaId(), sequence, event.revisedAt(), new Step(StepKind.REVISED, event.revisedBy(),
                event.revisedAt(), null, null), new Update()
                .set("title", event.title())
                .set("description", event.description())
                .set("policyFields", event.policyFields()));
    }

    @EventHandler
    void on(ProjectIdeaPlacedOnAgenda event, @SequenceNumber long sequence) {
        String meeting = event.meetingId().value();
        applyIfNewer(event.ideaId(), sequence, event.placedAt(), new Step(StepKind.PLACED_ON_AGENDA, event.placedBy(),
                event.placedAt(), meeting, null), new Update()
                .set("status", ProjectIdeaStatus.ON_AGENDA)
                .set("currentMeetingId", meeting)
                .push("agendaPlacements", new Placement(meeting, event.agendaItemId().value(), event.placedBy(),
                        event.placedAt())));
    }

    @EventHandler
    void on(ProjectIdeaDiscussed event, @SequenceNumber long sequence) {
        String meeting = event.meetingId().value();
        applyIfNewer(event.ideaId(), sequence, event.discussedAt(), new Step(StepKind.DISCUSSED, event.recordedBy(),
                event.discussedAt(), meeting, null), new Update()
                .set("status", ProjectIdeaStatus.DISCUSSED)
                .push("discussions", new Discussion(meeting, event.recordedBy(), event.discussedAt())));
    }

    @EventHandler
    void on(ProjectIdeaRecommended event, @SequenceNumber long sequence) {
        applyIfNewer(event.ideaId(), sequence, event.recommendedAt(), new Step(StepKind.RECOMMENDED, event.recordedBy(),
                event.recommendedAt(), null, event.recommendationId().value()), new Update()
                .set("status", ProjectIdeaStatus.RECOMMENDED)
                .push("recommendationIds", event.recommendationId().value()));
    }

    @EventHandler
    void on(ProjectIdeaShelved event, @SequenceNumber long sequence) {
        applyIfNewer(event.ideaId(), sequence, event.shelvedAt(), new Step(StepKind.SHELVED, event.shelvedBy(),
                event.shelvedAt(), null, event.reason()), new Update()
                .set("status", ProjectIdeaStatus.SHELVED)
                .set("closure", new Closure(ProjectIdeaStatus.SHELVED, event.reason(), event.shelvedBy(), event.shelvedAt())));
    }

    @EventHandler
    void on(ProjectIdeaWithdrawn event, @SequenceNumber long sequence) {
        applyIfNewer(event.ideaId(), sequence, event.withdrawnAt(), new Step(StepKind.WITHDRAWN, event.withdrawnBy(),
                event.withdrawnAt(), null, event.reason()), new Update()
                .set("status", ProjectIdeaStatus.WITHDRAWN)
                .set("closure", new Closure(ProjectIdeaStatus.WITHDRAWN, event.reason(), event.withdrawnBy(),
                        event.withdrawnAt())));
    }

    /** A replay starts from an empty list (emptied, not dropped, so that its indexes stay). */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), ProjectIdeaView.class);
    }

    private void applyIfNewer(ProjectIdeaId idea, long sequence, Instant at, Step step, Update update) {
        mongo.updateFirst(query(where("_id").is(idea.value()).and("version").lt(sequence)),
                update.push("history", step).set("version", sequence).set("lastChangedAt", at), ProjectIdeaView.class);
    }
}
