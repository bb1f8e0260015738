package de.gremium.command.consensus;

import static de.gremium.platform.refusal.Refusal.conflict;
import static de.gremium.platform.refusal.Refusal.forbidden;
import static de.gremium.platform.refusal.Refusal.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.gremium.command.values.TextKind;
import de.gremium.events.consensus.AmendDraft;
import de.gremium.events.consensus.CommentAsGuest;
import de.gremium.events.consensus.ConsensusRecorded;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.consensus.DraftAmended;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.consensus.GuestCommented;
import de.gremium.events.consensus.NoConsensusRecorded;
import de.gremium.events.consensus.ObjectionId;
import de.gremium.events.consensus.ObjectionOutcome;
import de.gremium.events.consensus.ObjectionRaised;
import de.gremium.events.consensus.ObjectionResolved;
import de.gremium.events.consensus.ObjectionWithdrawn;
import de.gremium.events.consensus.PutDraftRecommendation;
import de.gremium.events.consensus.RaiseObjection;
import de.gremium.events.consensus.RecordConsensus;
import de.gremium.events.consensus.RecordNoConsensus;
import de.gremium.events.consensus.WithdrawObjection;
import de.gremium.events.group.MemberId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.PolicyField;
import de.gremium.events.problem.ProblemReportId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The group deliberating one draft recommendation on one agenda item of a held meeting. It works by
 * consensus: only members present may object, every objection must be resolved by amendment or
 * withdrawn by its author before consensus can be recorded; otherwise "no consensus" is recorded
 * with the positions.
 */
@Aggregate(cache = "aggregateCache")
public class Deliberation {

    @AggregateIdentifier
    private DeliberationId deliberationId;
    private MeetingId meetingId;
    private AgendaItemId agendaItemId;
    private String text;
    private Set<PolicyField> policyFields;
    private List<ProjectIdeaId> projectIdeas;
    private List<ProblemReportId> problemReports;
    private List<MemberId> membersPresent;
    private List<GuestId> guestsPresent;
    private final Map<ObjectionId, MemberId> openObjections = new LinkedHashMap<>();
    private final Set<ObjectionId> everRaised = new java.util.HashSet<>();
    private boolean concluded;

    protected Deliberation() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Deliberation(PutDraftRecommendation command) {
        TextKind.TEXT.require("text", command.text());
        if (command.policyFields().isEmpty()) {
            throw invalid("policyFields", "at least one policy field is required");
        }
        if (command.membersPresent() == null || command.membersPresent().isEmpty()) {
            throw invalid("meetingId", "the meeting has no members recorded as present");
        }
        apply(new DraftRecommendationPut(command.deliberationId(), command.meetingId(), command.agendaItemId(), command.text(),
                command.policyFields(), command.projectIdeas(), command.problemReports(), command.membersPresent(),
                command.guestsPresent(), command.putBy(), command.putAt()));
    }

    @CommandHandler
    void handle(RaiseObjection command) {
        requireOngoing();
        if (!membersPresent.contains(command.memberId())) {
            throw forbidden("Only members present at the meeting can object; " + command.memberId() + " was not present"
                    + (guestsPresent.contains(new GuestId(command.memberId().value())) ? " as a member (guests may comment)." : "."));
        }
        TextKind.TEXT.require("reason", command.reason());
        if (everRaised.contains(command.objectionId())) {
            throw conflict("An objection with this id already exists.");
        }
        apply(new ObjectionRaised(deliberationId, command.objectionId(), command.memberId(), command.reason(), command.raisedAt()));
    }

    @CommandHandler
    void handle(CommentAsGuest command) {
        requireOngoing();
        if (!guestsPresent.contains(command.guestId())) {
            throw invalid("guestId", command.guestId() + " was not present as a guest");
        }
        TextKind.TEXT.require("comment", command.comment());
        apply(new GuestCommented(deliberationId, command.guestId(), command.comment(), command.recordedBy(), command.commentedAt()));
    }

    @CommandHandler
    void handle(AmendDraft command) {
        requireOngoing();
        TextKind.TEXT.require("text", command.text());
        for (ObjectionId objection : command.resolves()) {
            if (!openObjections.containsKey(objection)) {
                throw invalid("resolves", objection + " is not an open objection");
            }
        }
        apply(new DraftAmended(deliberationId, command.text(), command.resolves(), command.amendedBy(), command.amendedAt()));
        command.resolves().forEach(objection -> apply(new ObjectionResolved(deliberationId, objection,
                ObjectionOutcome.RESOLVED_BY_AMENDMENT, command.amendedBy(), command.amendedAt())));
    }

    @CommandHandler
    void handle(WithdrawObjection command) {
        requireOngoing();
        MemberId author = openObjections.get(command.objectionId());
        if (author == null) {
            throw invalid("objectionId", command.objectionId() + " is not an open objection");
        }
        if (!author.equals(command.memberId())) {
            throw forbidden("Only its author can withdraw an objection.");
        }
        apply(new ObjectionWithdrawn(deliberationId, command.objectionId(), command.memberId(),
                command.note() == null ? "" : command.note(), command.withdrawnAt()));
    }

    @CommandHandler
    void handle(RecordConsensus command) {
        requireOngoing();
        if (!openObjections.isEmpty()) {
            throw conflict("Consensus needs every objection resolved or withdrawn; still open: " + openObjections.keySet());
        }
        apply(new ConsensusRecorded(deliberationId, command.recommendationId(), meetingId, agendaItemId, text, policyFields,
                projectIdeas, problemReports, membersPresent, command.recordedBy(), command.recordedAt()));
    }

    @CommandHandler
    void handle(RecordNoConsensus command) {
        requireOngoing();
        TextKind.TEXT.require("positions", command.positions());
        apply(new NoConsensusRecorded(deliberationId, command.positions(), new ArrayList<>(openObjections.keySet()),
                membersPresent, command.recordedBy(), command.recordedAt()));
    }

    private void requireOngoing() {
        if (concluded) {
            throw conflict("The deliberation is concluded.");
        }
    }

    @EventSourcingHandler
    void on(DraftRecommendationPut event) {
        deliberationId = event.deliberationId();
        meetingId = event.meetingId();
        agendaItemId = event.agendaItemId();
        text = event.text();
        policyFields = event.policyFields();
        projectIdeas = event.projectIdeas();
        problemReports = event.problemReports();
        membersPresent = event.membersPresent();
        guestsPresent = event.guestsPresent();
    }

    @EventSourcingHandler
    void on(ObjectionRaised event) {
        openObjections.put(event.objectionId(), event.memberId());
        everRaised.add(event.objectionId());
    }

    @EventSourcingHandler
    void on(DraftAmended event) {
        text = event.text();
    }

    @EventSourcingHandler
    void on(ObjectionResolved event) {
        openObjections.remove(event.objectionId());
    }

    @EventSourcingHandler
    void on(ObjectionWithdrawn event) {
        openObjections.remove(event.objectionId());
    }

    @EventSourcingHandler
    void on(ConsensusRecorded event) {
        concluded = true;
    }

    @EventSourcingHandler
    void on(NoConsensusRecorded event) {
        concluded = true;
    }
}
