package de.gremium.command.idea;

import static de.gremium.platform.refusal.Refusal.conflict;
import static de.gremium.platform.refusal.Refusal.forbidden;
import static de.gremium.platform.refusal.Refusal.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.gremium.command.values.TextKind;
import de.gremium.events.PolicyField;
import de.gremium.events.idea.MarkProjectIdeaDiscussed;
import de.gremium.events.idea.MarkProjectIdeaRecommended;
import de.gremium.events.idea.PlaceProjectIdeaOnAgenda;
import de.gremium.events.idea.ProjectIdeaDiscussed;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaPlacedOnAgenda;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.idea.ProjectIdeaRecommended;
import de.gremium.events.idea.ProjectIdeaRevised;
import de.gremium.events.idea.ProjectIdeaShelved;
import de.gremium.events.idea.ProjectIdeaStatus;
import de.gremium.events.idea.ProjectIdeaWithdrawn;
import de.gremium.events.idea.ProposeProjectIdea;
import de.gremium.events.idea.ReviseProjectIdea;
import de.gremium.events.idea.ShelveProjectIdea;
import de.gremium.events.idea.WithdrawProjectIdea;
import de.gremium.events.meeting.MeetingId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A project idea towards the policy goals: the topics of the group's meetings. */
@Aggregate(cache = "aggregateCache")
public class ProjectIdea {

    /** Once decided (or given up), an idea no longer changes. */
    private static final Set<ProjectIdeaStatus> FINAL =
            EnumSet.of(ProjectIdeaStatus.RECOMMENDED, ProjectIdeaStatus.SHELVED, ProjectIdeaStatus.WITHDRAWN);

    @AggregateIdentifier
    private ProjectIdeaId ideaId;
    private String proposer;
    private ProjectIdeaStatus status;
    private final Set<MeetingId> onAgendaOf = new HashSet<>();

    protected ProjectIdea() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public ProjectIdea(ProposeProjectIdea command) {
        requireContent(command.title(), command.description(), command.policyFields());
        apply(new ProjectIdeaProposed(command.ideaId(), command.title(), command.description(), command.policyFields(),
                command.proposedBy(), command.proposedAt()));
    }

    @CommandHandler
    void handle(ReviseProjectIdea command) {
        onlyProposerOrCoordinator(command.revisedBy(), command.revisedByCoordinator());
        requireOpen();
        requireContent(command.title(), command.description(), command.policyFields());
        apply(new ProjectIdeaRevised(ideaId, command.title(), command.description(), command.policyFields(),
                command.revisedBy(), command.revisedAt()));
    }

    @CommandHandler
    void handle(WithdrawProjectIdea command) {
        onlyProposerOrCoordinator(command.withdrawnBy(), command.withdrawnByCoordinator());
        requireOpen();
        TextKind.TEXT.require("reason", command.reason());
        apply(new ProjectIdeaWithdrawn(ideaId, command.reason(), command.withdrawnBy(), command.withdrawnAt()));
    }

    @CommandHandler
    void handle(PlaceProjectIdeaOnAgenda command) {
        requireOpen();
        if (onAgendaOf.contains(command.meetingId())) {
            return; // the agenda policy may deliver twice; the idea is already there
        }
        apply(new ProjectIdeaPlacedOnAgenda(ideaId, command.meetingId(), command.agendaItemId(), command.placedBy(),
                command.placedAt()));
    }

    @CommandHandler
    void handle(MarkProjectIdeaDiscussed command) {
        if (!onAgendaOf.contains(command.meetingId()) || status != ProjectIdeaStatus.ON_AGENDA) {
            return; // discussed already, or not on this meeting's agenda any more: nothing to record
        }
        apply(new ProjectIdeaDiscussed(ideaId, command.meetingId(), command.recordedBy(), command.discussedAt()));
    }

    @CommandHandler
    void handle(MarkProjectIdeaRecommended command) {
        if (status == ProjectIdeaStatus.RECOMMENDED) {
            return; // a redelivered policy command, or a second recommendation on the same idea: already recorded
        }
        requireOpen();
        apply(new ProjectIdeaRecommended(ideaId, command.recommendationId(), command.recordedBy(), command.recommendedAt()));
    }

    @CommandHandler
    void handle(ShelveProjectIdea command) {
        if (status != ProjectIdeaStatus.PROPOSED && status != ProjectIdeaStatus.DISCUSSED) {
            throw conflict("Only a proposed or discussed idea can be shelved; this one is " + status + ".");
        }
        TextKind.TEXT.require("reason", command.reason());
        apply(new ProjectIdeaShelved(ideaId, command.reason(), command.shelvedBy(), command.shelvedAt()));
    }

    /** Who proposed the idea: they, and the coordinator, may revise or withdraw it. */
    private void onlyProposerOrCoordinator(String actor, boolean actorIsCoordinator) {
        if (!actorIsCoordinator && !proposer.equals(actor)) {
            throw forbidden("Only the proposer of this idea or the coordinator can change it; " + actor + " is neither.");
        }
    }

    private void requireOpen() {
        if (FINAL.contains(status)) {
            throw conflict("The idea is " + status + " and can no longer change.");
        }
    }

    private static void requireContent(String title, String description, Set<PolicyField> policyFields) {
        TextKind.TITLE.require("title", title);
        TextKind.TEXT.require("description", description);
        if (policyFields.isEmpty()) {
            throw invalid("policyFields", "at least one policy field is required");
        }
    }

    @EventSourcingHandler
    void on(ProjectIdeaProposed event) {
        ideaId = event.ideaId();
        proposer = event.proposedBy();
        status = ProjectIdeaStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(ProjectIdeaWithdrawn event) {
        status = ProjectIdeaStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ProjectIdeaPlacedOnAgenda event) {
        onAgendaOf.add(event.meetingId());
        status = ProjectIdeaStatus.ON_AGENDA;
    }

    @EventSourcingHandler
    void on(ProjectIdeaDiscussed event) {
        onAgendaOf.remove(event.meetingId());
        status = ProjectIdeaStatus.DISCUSSED;
    }

    @EventSourcingHandler
    void on(ProjectIdeaRecommended event) {
        status = ProjectIdeaStatus.RECOMMENDED;
    }

    /** Whether a draft recommendation may still answer this idea. */
    public boolean isOpen() {
        return !FINAL.contains(status);
    }

    @EventSourcingHandler
    void on(ProjectIdeaShelved event) {
        status = ProjectIdeaStatus.SHELVED;
    }
}
