package de.gremium.query.trace;

import de.gremium.events.consensus.ConsensusRecorded;
import de.gremium.events.consensus.DraftAmended;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.consensus.GuestCommented;
import de.gremium.events.consensus.NoConsensusRecorded;
import de.gremium.events.consensus.ObjectionRaised;
import de.gremium.events.consensus.ObjectionResolved;
import de.gremium.events.consensus.ObjectionWithdrawn;
import de.gremium.events.group.MemberId;
import de.gremium.events.idea.ProjectIdeaDiscussed;
import de.gremium.events.idea.ProjectIdeaPlacedOnAgenda;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.idea.ProjectIdeaRecommended;
import de.gremium.events.idea.ProjectIdeaRevised;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.GuestInvited;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportAddressed;
import de.gremium.events.problem.ProblemReportClosed;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureVerdictChanged;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationSubmitted;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which events belong in a trace, and what of each one a reader needs. */
final class TraceNodes {

    static final String REPORT = "report";
    static final String IDEA = "idea";
    static final String MEETING = "meeting";
    static final String AGENDA_ITEM = "agendaItem";
    static final String DELIBERATION = "deliberation";
    static final String RECOMMENDATION = "recommendation";
    static final String OBJECTION = "objection";
    static final String MEASURE = "measure";

    private TraceNodes() {
    }

    /** The ids and details of a traceable event; empty for events no trace needs. */
    static Optional<Extract> of(Object event) {
        Extract e = new Extract();
        if (event instanceof ProblemReportSubmitted p) {
            e.ref(REPORT, p.reportId().value()).detail("title", p.title()).detail("unit", p.unit())
                    .detail("policyFields", p.policyFields().stream().map(Enum::name).toList());
        } else if (event instanceof ProblemReportAcknowledged p) {
            e.ref(REPORT, p.reportId().value()).detail("note", p.note());
        } else if (event instanceof ProblemReportAddressed p) {
            e.ref(REPORT, p.reportId().value()).ref(RECOMMENDATION, p.recommendationId().value());
        } else if (event instanceof ProblemReportClosed p) {
            e.ref(REPORT, p.reportId().value()).detail("outcome", p.outcome().name()).detail("resolution", p.resolution());
        } else if (event instanceof ProjectIdeaProposed p) {
            e.ref(IDEA, p.ideaId().value()).detail("title", p.title()).detail("description", p.description());
        } else if (event instanceof ProjectIdeaRevised p) {
            e.ref(IDEA, p.ideaId().value()).detail("title", p.title()).detail("description", p.description());
        } else if (event instanceof ProjectIdeaPlacedOnAgenda p) {
            e.ref(IDEA, p.ideaId().value()).ref(MEETING, p.meetingId().value()).ref(AGENDA_ITEM, p.agendaItemId().value());
        } else if (event instanceof ProjectIdeaDiscussed p) {
            e.ref(IDEA, p.ideaId().value()).ref(MEETING, p.meetingId().value());
        } else if (event instanceof ProjectIdeaRecommended p) {
            e.ref(IDEA, p.ideaId().value()).ref(RECOMMENDATION, p.recommendationId().value());
        } else if (event instanceof MeetingPlanned p) {
            e.ref(MEETING, p.meetingId().value()).detail("title", p.title()).detail("kind", p.kind().name())
                    .detail("year", p.year()).detail("quarter", p.quarter());
        } else if (event instanceof MeetingScheduled p) {
            e.ref(MEETING, p.meetingId().value()).detail("start", p.start().toString()).detail("location", p.location());
        } else if (event instanceof MeetingRescheduled p) {
            e.ref(MEETING, p.meetingId().value()).detail("start", p.start().toString()).detail("reason", p.reason());
        } else if (event instanceof AgendaItemAdded p) {
            e.ref(MEETING, p.meetingId().value()).ref(AGENDA_ITEM, p.agendaItemId().value())
                    .detail("topicKind", p.topic().kind().name()).detail("topicTitle", p.topic().title())
                    .detail("topicReference", p.topic().referenceId());
        } else if (event instanceof GuestInvited p) {
            e.ref(MEETING, p.meetingId().value()).detail("guestId", p.guest().guestId().value())
                    .detail("guest", p.guest().name() + " (" + p.guest().organisation() + ")");
        } else if (event instanceof MeetingHeld p) {
            e.ref(MEETING, p.meetingId().value()).detail("attendees", ids(p.attendees()))
                    .detail("guestsPresent", p.guestsPresent().stream().map(g -> g.value()).toList())
                    .detail("minutes", p.minutes());
        } else if (event instanceof MeetingCancelled p) {
            e.ref(MEETING, p.meetingId().value()).detail("reason", p.reason());
        } else if (event instanceof DraftRecommendationPut p) {
            e.ref(DELIBERATION, p.deliberationId().value()).ref(MEETING, p.meetingId().value())
                    .ref(AGENDA_ITEM, p.agendaItemId().value()).detail("text", p.text())
                    .detail("membersPresent", ids(p.membersPresent())).detail("guestsPresent", p.guestsPresent().stream().map(g -> g.value()).toList())
                    .detail("projectIdeas", p.projectIdeas().stream().map(i -> i.value()).toList()).detail("problemReports", p.problemReports().stream().map(r -> r.value()).toList());
        } else if (event instanceof ObjectionRaised p) {
            e.ref(DELIBERATION, p.deliberationId().value()).ref(OBJECTION, p.objectionId().value())
                    .detail("memberId", p.memberId().value()).detail("reason", p.reason());
        } else if (event instanceof GuestCommented p) {
            e.ref(DELIBERATION, p.deliberationId().value()).detail("guestId", p.guestId().value()).detail("comment", p.comment());
        } else if (event instanceof DraftAmended p) {
            e.ref(DELIBERATION, p.deliberationId().value()).detail("text", p.text())
                    .detail("resolves", p.resolves().stream().map(o -> o.value()).toList());
        } else if (event instanceof ObjectionResolved p) {
            e.ref(DELIBERATION, p.deliberationId().value()).ref(OBJECTION, p.objectionId().value())
                    .detail("outcome", p.outcome().name());
        } else if (event instanceof ObjectionWithdrawn p) {
            e.ref(DELIBERATION, p.deliberationId().value()).ref(OBJECTION, p.objectionId().value())
                    .detail("outcome", "WITHDRAWN").detail("note", p.note());
        } else if (event instanceof ConsensusRecorded p) {
            e.ref(DELIBERATION, p.deliberationId().value()).ref(RECOMMENDATION, p.recommendationId().value())
                    .detail("text", p.text()).detail("membersPresent", ids(p.membersPresent()));
        } else if (event instanceof NoConsensusRecorded p) {
            e.ref(DELIBERATION, p.deliberationId().value()).detail("positions", p.positions())
                    .detail("openObjections", p.openObjections().stream().map(o -> o.value()).toList());
        } else if (event instanceof RecommendationFormulated p) {
            e.ref(RECOMMENDATION, p.recommendationId().value()).ref(DELIBERATION, p.deliberationId().value())
                    .ref(MEETING, p.meetingId().value()).ref(AGENDA_ITEM, p.agendaItemId().value())
                    .detail("text", p.text()).detail("policyFields", p.policyFields().stream().map(Enum::name).toList())
                    .detail("projectIdeas", p.projectIdeas().stream().map(i -> i.value()).toList()).detail("problemReports", p.problemReports().stream().map(r -> r.value()).toList());
        } else if (event instanceof RecommendationSubmitted p) {
            e.ref(RECOMMENDATION, p.recommendationId().value()).detail("note", p.note());
        } else if (event instanceof MayorsDecisionRecorded p) {
            e.ref(RECOMMENDATION, p.recommendationId().value()).detail("decision", p.decision().name())
                    .detail("reasons", p.reasons()).detail("reviewDate", p.reviewDate() == null ? null : p.reviewDate().toString());
        } else if (event instanceof MeasureAdopted p) {
            e.ref(MEASURE, p.measureId().value()).ref(RECOMMENDATION, p.recommendationId().value()).detail("title", p.title())
                    .detail("targets", p.targets().stream().map(t -> t.indicatorId().value() + ": " + t.baseline() + " ("
                            + t.baselinePeriod() + ") -> " + t.target() + " by " + t.targetDate()).toList());
        } else if (event instanceof MeasureVerdictChanged p) {
            e.ref(MEASURE, p.measureId().value()).detail("verdict", p.verdict().name())
                    .detail("previous", p.previous() == null ? null : p.previous().name()).detail("basis", p.basis());
        } else {
            return Optional.empty();
        }
        return Optional.of(e);
    }

    private static List<String> ids(List<MemberId> members) {
        return members.stream().map(MemberId::value).toList();
    }

    /** What a traceable event carries. */
    static final class Extract {
        final Map<String, String> refs = new LinkedHashMap<>();
        final Map<String, Object> details = new LinkedHashMap<>();

        Extract ref(String kind, String id) {
            refs.put(kind, id);
            return this;
        }

        Extract detail(String name, Object value) {
            if (value != null) {
                details.put(name, value);
            }
            return this;
        }
    }
}
