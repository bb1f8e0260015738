package de.gremium.query.trace;

import de.gremium.events.PolicyField;
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
import de.gremium.events.group.MemberId;
import de.gremium.events.idea.ProjectIdeaDiscussed;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaPlacedOnAgenda;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.idea.ProjectIdeaRecommended;
import de.gremium.events.idea.ProjectIdeaRevised;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.Guest;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.GuestInvited;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.monitoring.Direction;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.monitoring.MeasureVerdictChanged;
import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportAddressed;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.events.recommendation.RecommendationSubmitted;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * A recommendation's story with every kind of step the trace shows, and the neighbours it must leave out: a report
 * and an idea of no concern, the meeting's other agenda items, a deliberation on the same item that ended without
 * consensus, and a second recommendation of the same meeting on another item that also addresses one of the reports.
 * Event ids, times and sequences are fixed, so every run stores the same events.
 */
final class TraceStory {

    static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    static final RecommendationId RECOMMENDATION = new RecommendationId("rec-1");

    private static final MeetingId MEETING = new MeetingId("regular-2026-Q4");
    private static final AgendaItemId ITEM = new AgendaItemId("a-1");
    private static final AgendaItemId FREE_ITEM = new AgendaItemId("a-2");
    private static final AgendaItemId OTHER_IDEAS_ITEM = new AgendaItemId("a-3");
    private static final DeliberationId FAILED = new DeliberationId("d-0");
    private static final DeliberationId DELIBERATION = new DeliberationId("d-1");
    private static final DeliberationId OTHER_DELIBERATION = new DeliberationId("d-2");
    private static final RecommendationId OTHER_RECOMMENDATION = new RecommendationId("rec-2");
    private static final ProblemReportId REPORT = new ProblemReportId("r-1");
    private static final ProblemReportId SECOND_REPORT = new ProblemReportId("r-2");
    private static final ProblemReportId UNRELATED_REPORT = new ProblemReportId("r-9");
    private static final ProjectIdeaId IDEA = new ProjectIdeaId("i-1");
    private static final ProjectIdeaId OTHER_IDEA = new ProjectIdeaId("i-2");
    private static final MeasureId MEASURE = new MeasureId("m-1");
    private static final GuestId GUEST = new GuestId("g-1");
    private static final MemberId ANNA = new MemberId("anna.amt50");
    private static final MemberId JONAS = new MemberId("jonas.fb32");
    private static final MemberId KOORDINATOR = new MemberId("koordinator");

    private final Consumer<GenericDomainEventMessage<Object>> store;
    private final Map<String, Long> sequences = new HashMap<>();
    private int events;
    private Instant lastStored;

    private TraceStory(Consumer<GenericDomainEventMessage<Object>> store) {
        this.store = store;
    }

    /**
     * Hands every event of the story to {@code store}, in the order they happened, one every ten seconds.
     *
     * @return an instant after the recommendation was submitted and before the mayor's decision was recorded
     */
    static Instant tell(Consumer<GenericDomainEventMessage<Object>> store) {
        return new TraceStory(store).tell();
    }

    private Instant tell() {
        event(REPORT.value(), new ProblemReportSubmitted(REPORT, "Sprachkurse ausgebucht", "Wartezeit sechs Monate", "Amt 50",
                Set.of(PolicyField.LANGUAGE), "anna.amt50", at(0)), "anna.amt50", "cmd-1");
        event(SECOND_REPORT.value(), new ProblemReportSubmitted(SECOND_REPORT, "Keine Kinderbetreuung", "Mütter fehlen",
                "FB 32", Set.of(PolicyField.WOMEN_GIRLS, PolicyField.LANGUAGE), "jonas.fb32", at(1)), "jonas.fb32", "cmd-2");
        event(UNRELATED_REPORT.value(), new ProblemReportSubmitted(UNRELATED_REPORT, "Nicht Teil der Empfehlung", "d",
                "Amt 50", Set.of(PolicyField.SPORT), "anna.amt50", at(2)), "anna.amt50", "cmd-3");
        event(REPORT.value(), new ProblemReportAcknowledged(REPORT, "Tagesordnung Q4", "koordinator", at(3)), "koordinator",
                "cmd-4");
        event(IDEA.value(), new ProjectIdeaProposed(IDEA, "Sprachkurse mit Kinderbetreuung", "VHS", Set.of(PolicyField.LANGUAGE),
                "koordinator", at(4)), "koordinator", "cmd-5");
        event(IDEA.value(), new ProjectIdeaRevised(IDEA, "Sprachkurse mit Betreuung", "VHS und Jobcenter",
                Set.of(PolicyField.LANGUAGE), "koordinator", at(5)), "koordinator", "cmd-6");
        event(OTHER_IDEA.value(), new ProjectIdeaProposed(OTHER_IDEA, "Lesepaten", "Bibliothek", Set.of(PolicyField.CULTURE),
                "koordinator", at(6)), "koordinator", "cmd-7");

        event(MEETING.value(), new MeetingPlanned(MEETING, 2026, 4, MeetingKind.REGULAR, "Sitzung Q4/2026", 60, "koordinator",
                at(10)), "koordinator", "cmd-10");
        event(MEETING.value(), new MeetingScheduled(MEETING, Instant.parse("2026-10-07T11:00:00Z"),
                Instant.parse("2026-10-07T12:00:00Z"), "Altes Rathaus", "koordinator", at(11)), "koordinator", "cmd-11");
        event(MEETING.value(), new MeetingRescheduled(MEETING, Instant.parse("2026-10-08T11:00:00Z"),
                Instant.parse("2026-10-08T12:00:00Z"), "Altes Rathaus", "Raum belegt", "koordinator", at(12)), "koordinator",
                "cmd-12");
        String itemAdded = event(MEETING.value(), new AgendaItemAdded(MEETING, ITEM, new AgendaTopic(AgendaTopicKind.PROJECT_IDEA,
                IDEA.value(), "Sprachkurse mit Betreuung"), 0, "koordinator", at(13)), "koordinator", "cmd-13");
        event(IDEA.value(), new ProjectIdeaPlacedOnAgenda(IDEA, MEETING, ITEM, "koordinator", at(13)), "koordinator", itemAdded);
        event(MEETING.value(), new AgendaItemAdded(MEETING, FREE_ITEM, new AgendaTopic(AgendaTopicKind.FREE, null, "Verschiedenes"),
                1, "koordinator", at(14)), "koordinator", "cmd-14");
        String otherAdded = event(MEETING.value(), new AgendaItemAdded(MEETING, OTHER_IDEAS_ITEM, new AgendaTopic(
                AgendaTopicKind.PROJECT_IDEA, OTHER_IDEA.value(), "Lesepaten"), 2, "koordinator", at(15)), "koordinator", "cmd-15");
        event(OTHER_IDEA.value(), new ProjectIdeaPlacedOnAgenda(OTHER_IDEA, MEETING, OTHER_IDEAS_ITEM, "koordinator", at(15)),
                "koordinator", otherAdded);
        event(MEETING.value(), new GuestInvited(MEETING, new Guest(GUEST, "Frau Schmidt", "Jobcenter Magdeburg", null), "koordinator",
                at(16)), "koordinator", "cmd-16");
        String held = event(MEETING.value(), new MeetingHeld(MEETING, List.of(KOORDINATOR, ANNA, JONAS), List.of(GUEST), "Protokoll",
                List.of(), "koordinator", at(100)), "koordinator", "cmd-17");
        event(IDEA.value(), new ProjectIdeaDiscussed(IDEA, MEETING, "koordinator", at(100)), "koordinator", held);
        event(OTHER_IDEA.value(), new ProjectIdeaDiscussed(OTHER_IDEA, MEETING, "koordinator", at(100)), "koordinator", held);

        // a first draft on the same agenda item found no consensus
        event(FAILED.value(), new DraftRecommendationPut(FAILED, MEETING, ITEM, "Erster Entwurf", Set.of(PolicyField.LANGUAGE),
                List.of(IDEA), List.of(), List.of(KOORDINATOR, ANNA, JONAS), List.of(GUEST), "koordinator",
                at(110)), "koordinator", "cmd-20");
        event(FAILED.value(), new NoConsensusRecorded(FAILED, "Finanzierung strittig", List.of(), List.of(KOORDINATOR, ANNA, JONAS),
                "koordinator", at(120)), "koordinator", "cmd-21");

        event(DELIBERATION.value(), new DraftRecommendationPut(DELIBERATION, MEETING, ITEM, "Entwurf", Set.of(PolicyField.LANGUAGE),
                List.of(IDEA), List.of(REPORT, SECOND_REPORT), List.of(KOORDINATOR, ANNA, JONAS),
                List.of(GUEST), "koordinator", at(200)), "koordinator", "cmd-30");
        event(DELIBERATION.value(), new ObjectionRaised(DELIBERATION, new ObjectionId("o-1"), JONAS, "zu teuer", at(210)),
                "jonas.fb32", "cmd-31");
        event(DELIBERATION.value(), new GuestCommented(DELIBERATION, GUEST, "Das Jobcenter kann fördern.", "koordinator",
                at(215)), "koordinator", "cmd-32");
        event(DELIBERATION.value(), new DraftAmended(DELIBERATION, "Entwurf, gefördert durch das Jobcenter",
                List.of(new ObjectionId("o-1")), "koordinator", at(220)), "koordinator", "cmd-33");
        event(DELIBERATION.value(), new ObjectionResolved(DELIBERATION, new ObjectionId("o-1"),
                ObjectionOutcome.RESOLVED_BY_AMENDMENT, "koordinator", at(220)), "koordinator", "cmd-33");
        event(DELIBERATION.value(), new ObjectionRaised(DELIBERATION, new ObjectionId("o-2"), ANNA, "zu früh", at(221)),
                "anna.amt50", "cmd-34");
        event(DELIBERATION.value(), new ObjectionWithdrawn(DELIBERATION, new ObjectionId("o-2"), ANNA, "überzeugt", at(222)),
                "anna.amt50", "cmd-35");
        String consensus = event(DELIBERATION.value(), new ConsensusRecorded(DELIBERATION, RECOMMENDATION, MEETING, ITEM,
                "Entwurf, gefördert durch das Jobcenter", Set.of(PolicyField.LANGUAGE), List.of(IDEA),
                List.of(REPORT, SECOND_REPORT), List.of(KOORDINATOR, ANNA, JONAS), "koordinator", at(230)),
                "koordinator", "cmd-36");
        String formulated = event(RECOMMENDATION.value(), new RecommendationFormulated(RECOMMENDATION, DELIBERATION,
                MEETING, ITEM, "Entwurf, gefördert durch das Jobcenter", Set.of(PolicyField.LANGUAGE), List.of(IDEA),
                List.of(REPORT, SECOND_REPORT), "koordinator", at(230)), "koordinator", consensus);
        event(IDEA.value(), new ProjectIdeaRecommended(IDEA, RECOMMENDATION, "koordinator", at(230)), "koordinator",
                formulated);
        event(REPORT.value(), new ProblemReportAddressed(REPORT, RECOMMENDATION, "koordinator", at(230)), "koordinator",
                formulated);
        event(SECOND_REPORT.value(), new ProblemReportAddressed(SECOND_REPORT, RECOMMENDATION, "koordinator", at(230)),
                "koordinator", formulated);

        // the same meeting recommends on another item, and that recommendation addresses the second report as well
        event(OTHER_DELIBERATION.value(), new DraftRecommendationPut(OTHER_DELIBERATION, MEETING, OTHER_IDEAS_ITEM, "Lesepaten",
                Set.of(PolicyField.CULTURE), List.of(OTHER_IDEA), List.of(SECOND_REPORT),
                List.of(KOORDINATOR, ANNA, JONAS), List.of(), "koordinator", at(300)), "koordinator", "cmd-40");
        String otherConsensus = event(OTHER_DELIBERATION.value(), new ConsensusRecorded(OTHER_DELIBERATION,
                OTHER_RECOMMENDATION, MEETING, OTHER_IDEAS_ITEM, "Lesepaten", Set.of(PolicyField.CULTURE),
                List.of(OTHER_IDEA), List.of(SECOND_REPORT), List.of(KOORDINATOR, ANNA, JONAS), "koordinator",
                at(310)), "koordinator", "cmd-41");
        String otherFormulated = event(OTHER_RECOMMENDATION.value(), new RecommendationFormulated(OTHER_RECOMMENDATION,
                OTHER_DELIBERATION, MEETING, OTHER_IDEAS_ITEM, "Lesepaten", Set.of(PolicyField.CULTURE),
                List.of(OTHER_IDEA), List.of(SECOND_REPORT), "koordinator", at(310)), "koordinator",
                otherConsensus);
        event(OTHER_IDEA.value(), new ProjectIdeaRecommended(OTHER_IDEA, OTHER_RECOMMENDATION, "koordinator", at(310)),
                "koordinator", otherFormulated);
        event(SECOND_REPORT.value(), new ProblemReportAddressed(SECOND_REPORT, OTHER_RECOMMENDATION, "koordinator",
                at(310)), "koordinator", otherFormulated);

        event(RECOMMENDATION.value(), new RecommendationSubmitted(RECOMMENDATION, "Vorlage an den OB", "koordinator", at(900)),
                "koordinator", "cmd-50");
        Instant beforeTheDecision = lastStored.plusSeconds(5);
        event(RECOMMENDATION.value(), new MayorsDecisionRecorded(RECOMMENDATION, MayorsDecision.ACCEPTED_WITH_MODIFICATIONS,
                "Zunächst in zwei Stadtteilen", LocalDate.of(2027, 6, 30), "buero.ob", at(1_100)), "buero.ob", "cmd-51");
        String adopted = event(MEASURE.value(), new MeasureAdopted(MEASURE, RECOMMENDATION, "Sprachkurse mit Betreuung",
                List.of(new MeasureTarget(new IndicatorId("SPR-01"), Map.of(), new BigDecimal("40"), "2025", new BigDecimal("60"),
                        LocalDate.of(2028, 12, 31), Direction.INCREASE)), "koordinator", at(1_200)), "koordinator", "cmd-52");
        event(MEASURE.value(), new MeasureVerdictChanged(MEASURE, MeasureVerdict.ON_TRACK, MeasureVerdict.NOT_MEASURABLE_YET,
                "SPR-01 2026: 55", "system", at(1_300)), "koordinator", adopted);
        event(MEASURE.value(), new MeasureVerdictChanged(MEASURE, MeasureVerdict.MISSED, MeasureVerdict.ON_TRACK,
                "SPR-01 2027: 41", "system", at(1_400)), "koordinator", "obs-event-2");
        return beforeTheDecision;
    }

    private String event(String aggregateId, Object payload, String user, String causationId) {
        String eventId = String.format("e-%02d", ++events);
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        Instant at = at(events * 10L);
        lastStored = at;
        store.accept(new GenericDomainEventMessage<>("Agg", aggregateId, sequence, payload,
                MetaData.with("userId", user).and("correlationId", "c-" + aggregateId).and("causationId", causationId), eventId,
                at));
        return eventId;
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }
}
