package de.gremium.query.trace;

import de.gremium.events.consensus.ConsensusRecorded;
import de.gremium.events.consensus.DeliberationEvent;
import de.gremium.events.consensus.DraftAmended;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.consensus.GuestCommented;
import de.gremium.events.consensus.NoConsensusRecorded;
import de.gremium.events.consensus.ObjectionOutcome;
import de.gremium.events.consensus.ObjectionRaised;
import de.gremium.events.consensus.ObjectionResolved;
import de.gremium.events.consensus.ObjectionWithdrawn;
import de.gremium.events.idea.ProjectIdeaDiscussed;
import de.gremium.events.idea.ProjectIdeaEvent;
import de.gremium.events.idea.ProjectIdeaPlacedOnAgenda;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.idea.ProjectIdeaRecommended;
import de.gremium.events.idea.ProjectIdeaRevised;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.GuestInvited;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingEvent;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureEvent;
import de.gremium.events.monitoring.MeasureVerdictChanged;
import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportAddressed;
import de.gremium.events.problem.ProblemReportClosed;
import de.gremium.events.problem.ProblemReportDetailsAdded;
import de.gremium.events.problem.ProblemReportEvent;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.problem.SolutionProposed;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.recommendation.RecommendationEvent;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationSubmitted;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a trace node is: one step per event that can be part of a recommendation's causal chain, chosen by the
 * event's type, with what of the event a reader of the trace needs ({@link #details}).
 *
 * <p>A node stores the step's name, never the event's class name, so a renamed event class leaves every stored node
 * readable (only the class literal here follows the rename) and the trace's queries match these constants, never
 * strings. The names are stored: renaming or removing a constant changes the trace view's documents, so it needs a
 * new {@code ViewStoreBaseline.VIEWS_VERSION}.
 */
enum TraceStep {

    REPORT_SUBMITTED(ProblemReportSubmitted.class, (e, d) -> d.put("title", e.title()).put("unit", e.unit())
            .put("policyFields", names(e.policyFields()))),
    REPORT_DETAILS_ADDED(ProblemReportDetailsAdded.class, (e, d) -> d.put("details", e.details()).put("addedBy", e.addedBy())),
    SOLUTION_PROPOSED(SolutionProposed.class, (e, d) -> d.put("proposalId", e.proposalId().value())
            .put("proposal", e.proposal()).put("proposedBy", e.proposedBy())),
    REPORT_ACKNOWLEDGED(ProblemReportAcknowledged.class, (e, d) -> d.put("note", e.note())),
    REPORT_ADDRESSED(ProblemReportAddressed.class, (e, d) -> { }),
    REPORT_CLOSED(ProblemReportClosed.class, (e, d) -> d.put("outcome", e.outcome().name()).put("resolution", e.resolution())),

    IDEA_PROPOSED(ProjectIdeaProposed.class, (e, d) -> d.put("title", e.title()).put("description", e.description())),
    IDEA_REVISED(ProjectIdeaRevised.class, (e, d) -> d.put("title", e.title()).put("description", e.description())),
    IDEA_PLACED_ON_AGENDA(ProjectIdeaPlacedOnAgenda.class, (e, d) -> { }),
    IDEA_DISCUSSED(ProjectIdeaDiscussed.class, (e, d) -> { }),
    IDEA_RECOMMENDED(ProjectIdeaRecommended.class, (e, d) -> { }),

    MEETING_PLANNED(MeetingPlanned.class, (e, d) -> d.put("title", e.title()).put("kind", e.kind().name()).put("year", e.year())
            .put("quarter", e.quarter())),
    MEETING_SCHEDULED(MeetingScheduled.class, (e, d) -> d.put("start", e.start().toString()).put("location", e.location())),
    MEETING_RESCHEDULED(MeetingRescheduled.class, (e, d) -> d.put("start", e.start().toString()).put("reason", e.reason())),
    AGENDA_ITEM_ADDED(AgendaItemAdded.class, (e, d) -> d.put("topicKind", e.topic().kind().name())
            .put("topicTitle", e.topic().title()).put("topicReference", e.topic().referenceId())),
    GUEST_INVITED(GuestInvited.class, (e, d) -> d.put("guestId", e.guest().guestId().value())
            .put("guest", e.guest().name() + " (" + e.guest().organisation() + ")")),
    MEETING_HELD(MeetingHeld.class, (e, d) -> d.put("attendees", each(e.attendees(), m -> m.value()))
            .put("guestsPresent", each(e.guestsPresent(), g -> g.value())).put("minutes", e.minutes())),
    MEETING_CANCELLED(MeetingCancelled.class, (e, d) -> d.put("reason", e.reason())),

    DRAFT_PUT(DraftRecommendationPut.class, (e, d) -> d.put("text", e.text())
            .put("membersPresent", each(e.membersPresent(), m -> m.value()))
            .put("guestsPresent", each(e.guestsPresent(), g -> g.value()))
            .put("projectIdeas", each(e.projectIdeas(), i -> i.value()))
            .put("problemReports", each(e.problemReports(), r -> r.value()))),
    OBJECTION_RAISED(ObjectionRaised.class, (e, d) -> d.put("memberId", e.memberId().value()).put("reason", e.reason())),
    GUEST_COMMENTED(GuestCommented.class, (e, d) -> d.put("guestId", e.guestId().value()).put("comment", e.comment())),
    DRAFT_AMENDED(DraftAmended.class, (e, d) -> d.put("text", e.text()).put("resolves", each(e.resolves(), o -> o.value()))),
    OBJECTION_RESOLVED(ObjectionResolved.class, (e, d) -> d.put("outcome", e.outcome().name())),
    OBJECTION_WITHDRAWN(ObjectionWithdrawn.class, (e, d) -> d.put("outcome", ObjectionOutcome.WITHDRAWN.name())
            .put("note", e.note())),
    CONSENSUS_RECORDED(ConsensusRecorded.class, (e, d) -> d.put("text", e.text())
            .put("membersPresent", each(e.membersPresent(), m -> m.value()))),
    NO_CONSENSUS_RECORDED(NoConsensusRecorded.class, (e, d) -> d.put("positions", e.positions())
            .put("openObjections", each(e.openObjections(), o -> o.value()))),

    RECOMMENDATION_FORMULATED(RecommendationFormulated.class, (e, d) -> d.put("text", e.text())
            .put("policyFields", names(e.policyFields()))
            .put("projectIdeas", each(e.projectIdeas(), i -> i.value()))
            .put("problemReports", each(e.problemReports(), r -> r.value()))),
    RECOMMENDATION_SUBMITTED(RecommendationSubmitted.class, (e, d) -> d.put("note", e.note())),
    MAYORS_DECISION_RECORDED(MayorsDecisionRecorded.class, (e, d) -> d.put("decision", e.decision().name())
            .put("reasons", e.reasons()).put("reviewDate", e.reviewDate() == null ? null : e.reviewDate().toString())),

    MEASURE_ADOPTED(MeasureAdopted.class, (e, d) -> d.put("title", e.title()).put("targets", each(e.targets(),
            t -> t.indicatorId().value() + ": " + t.baseline() + " (" + t.baselinePeriod() + ") -> " + t.target() + " by "
                    + t.targetDate()))),
    MEASURE_VERDICT_CHANGED(MeasureVerdictChanged.class, (e, d) -> d.put("verdict", e.verdict().name())
            .put("previous", e.previous() == null ? null : e.previous().name()).put("basis", e.basis()));

    /** The aggregate a step happens to, and the kind the trace's answer names for it. */
    enum Aggregate {
        PROBLEM_REPORT("problem-report"),
        PROJECT_IDEA("project-idea"),
        MEETING("meeting"),
        DELIBERATION("deliberation"),
        RECOMMENDATION("recommendation"),
        MEASURE("measure");

        private final String kind;

        Aggregate(String kind) {
            this.kind = kind;
        }

        String kind() {
            return kind;
        }
    }

    private static final Map<Class<?>, TraceStep> BY_EVENT = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(step -> step.event, step -> step));

    private final Class<?> event;
    private final Aggregate aggregate;
    private final BiConsumer<Object, Details> details;

    <E> TraceStep(Class<E> event, BiConsumer<E, Details> details) {
        this.event = event;
        this.aggregate = aggregateOf(event);
        this.details = (payload, into) -> details.accept(event.cast(payload), into);
    }

    /** The step an event is, if it is one. */
    static Optional<TraceStep> of(Object event) {
        return Optional.ofNullable(BY_EVENT.get(event.getClass()));
    }

    Aggregate aggregate() {
        return aggregate;
    }

    /** The simple name of the event's class as it is now, for readers of the trace; never stored. */
    String eventType() {
        return event.getSimpleName();
    }

    /** What a reader of the trace needs of the event (title, text, reason, attendance, decision …); no nulls. */
    Map<String, Object> details(Object event) {
        Details into = new Details();
        details.accept(event, into);
        return into.values;
    }

    private static Aggregate aggregateOf(Class<?> event) {
        if (ProblemReportEvent.class.isAssignableFrom(event)) {
            return Aggregate.PROBLEM_REPORT;
        }
        if (ProjectIdeaEvent.class.isAssignableFrom(event)) {
            return Aggregate.PROJECT_IDEA;
        }
        if (MeetingEvent.class.isAssignableFrom(event)) {
            return Aggregate.MEETING;
        }
        if (DeliberationEvent.class.isAssignableFrom(event)) {
            return Aggregate.DELIBERATION;
        }
        if (RecommendationEvent.class.isAssignableFrom(event)) {
            return Aggregate.RECOMMENDATION;
        }
        if (MeasureEvent.class.isAssignableFrom(event)) {
            return Aggregate.MEASURE;
        }
        throw new IllegalArgumentException(event.getName() + " happens to no aggregate the trace follows");
    }

    private static List<String> names(Collection<? extends Enum<?>> constants) {
        return constants.stream().<String>map(Enum::name).toList();
    }

    private static <T> List<String> each(Collection<T> items, Function<T, String> value) {
        return items.stream().map(value).toList();
    }

    /** The details of one event, in the order they were put; a null value is left out. */
    static final class Details {

        private final Map<String, Object> values = new LinkedHashMap<>();

        Details put(String name, Object value) {
            if (value != null) {
                values.put(name, value);
            }
            return this;
        }
    }
}
