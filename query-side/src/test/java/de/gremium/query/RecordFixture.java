package de.gremium.query;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.ConsensusRecorded;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.group.Department;
import de.gremium.events.group.GroupConstituted;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberId;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaPlacedOnAgenda;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.Direction;
import de.gremium.events.monitoring.FigureType;
import de.gremium.events.monitoring.Frequency;
import de.gremium.events.monitoring.IndicatorDefined;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.monitoring.MeasureVerdictChanged;
import de.gremium.events.monitoring.Observation;
import de.gremium.events.monitoring.ObservationsRecorded;
import de.gremium.events.network.NetworkProjectAnnounced;
import de.gremium.events.network.NetworkProjectId;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkProjectUpdated;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportDetailsAdded;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.events.scheduling.Availability;
import de.gremium.events.scheduling.CandidateSlot;
import de.gremium.events.scheduling.SchedulingPollAnswered;
import de.gremium.events.scheduling.SchedulingPollId;
import de.gremium.events.scheduling.SchedulingPollOpened;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

/**
 * A small record that gives every projection of the query side something to build: the working group, a problem
 * report, an idea on the agenda of a held meeting with a poll, a deliberation whose consensus became a recommendation
 * with a measure and its indicator,
 * and a network project. Event ids and times are fixed, so two runs store the same events.
 */
public final class RecordFixture {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private final List<GenericDomainEventMessage<?>> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();

    private RecordFixture() {
        GroupId group = GroupId.PROJEKTGRUPPE_INTEGRATION;
        add("WorkingGroup", group.value(), new GroupConstituted(group, "Projektgruppe Integration", List.of(
                new Department("Dezernat IV", List.of("IV/01")), new Department("Dezernat V", List.of("Amt 50"))),
                "koordinator", T0));
        add("WorkingGroup", group.value(), new MemberAppointed(group, new MemberId("anna.amt50"), "Anna Becker", "Amt 50",
                "koordinator", at(1), null));
        ProblemReportId report = new ProblemReportId("meldung-1");
        add("ProblemReport", report.value(), new ProblemReportSubmitted(report, "Kurse ausgebucht", "zu wenige Plätze",
                "Amt 50", Set.of(PolicyField.LANGUAGE), "anna.amt50", at(2)));
        add("ProblemReport", report.value(), new ProblemReportDetailsAdded(report, "auch abends", "anna.amt50", at(3)));
        add("ProblemReport", report.value(), new ProblemReportAcknowledged(report, "übernommen", "koordinator", at(4)));
        ProjectIdeaId idea = new ProjectIdeaId("idee-1");
        MeetingId meeting = new MeetingId("regular-2026-Q1");
        add("ProjectIdea", idea.value(), new ProjectIdeaProposed(idea, "Sprachcafé", "", Set.of(PolicyField.LANGUAGE),
                "koordinator", at(5)));
        add("Meeting", meeting.value(), new MeetingPlanned(meeting, 2026, 1, MeetingKind.REGULAR, "Sitzung Q1/2026", 60,
                "koordinator", at(6)));
        SchedulingPollId poll = new SchedulingPollId("umfrage-1");
        add("SchedulingPoll", poll.value(), new SchedulingPollOpened(poll, meeting, List.of(new CandidateSlot("c1",
                Instant.parse("2026-03-11T12:00:00Z"), Instant.parse("2026-03-11T13:00:00Z"), true, List.of())),
                "koordinator", at(7), null));
        add("SchedulingPoll", poll.value(), new SchedulingPollAnswered(poll, new MemberId("anna.amt50"),
                Map.of("c1", Availability.YES), at(8)));
        add("Meeting", meeting.value(), new MeetingScheduled(meeting, Instant.parse("2026-03-11T12:00:00Z"),
                Instant.parse("2026-03-11T13:00:00Z"), "Altes Rathaus", "koordinator", at(9)));
        add("Meeting", meeting.value(), new AgendaItemAdded(meeting, new AgendaItemId("top-1"),
                new AgendaTopic(AgendaTopicKind.PROJECT_IDEA, idea.value(), "Sprachcafé"), 0, "koordinator", at(10)));
        add("ProjectIdea", idea.value(), new ProjectIdeaPlacedOnAgenda(idea, meeting, new AgendaItemId("top-1"),
                "koordinator", at(11)));
        add("Meeting", meeting.value(), new MeetingHeld(meeting, List.of(new MemberId("anna.amt50")), List.of(), "",
                List.of(), "koordinator", at(12)));
        RecommendationId recommendation = new RecommendationId("empfehlung-1");
        DeliberationId deliberation = new DeliberationId("d-1");
        add("Deliberation", deliberation.value(), new DraftRecommendationPut(deliberation, meeting, new AgendaItemId("top-1"),
                "Sprachkurse mit Kinderbetreuung anbieten", Set.of(PolicyField.LANGUAGE), List.of(idea), List.of(report),
                List.of(new MemberId("anna.amt50")), List.of(), "koordinator", at(12)));
        add("Deliberation", deliberation.value(), new ConsensusRecorded(deliberation, recommendation, meeting,
                new AgendaItemId("top-1"), "Sprachkurse mit Kinderbetreuung anbieten", Set.of(PolicyField.LANGUAGE),
                List.of(idea), List.of(report), List.of(new MemberId("anna.amt50")), "koordinator", at(13)));
        add("Recommendation", recommendation.value(), new RecommendationFormulated(recommendation, new DeliberationId("d-1"), meeting,
                new AgendaItemId("top-1"), "Sprachkurse mit Kinderbetreuung anbieten", Set.of(PolicyField.LANGUAGE),
                List.of(idea), List.of(report), "koordinator", at(13)));
        IndicatorId indicator = new IndicatorId("SPR-01");
        add("Indicator", indicator.value(), new IndicatorDefined(indicator, new IndicatorDefinition(
                "Abschlussquote Integrationskurse", PolicyField.LANGUAGE, FigureType.KEY_FIGURE, "Teilnehmende mit B1",
                "Teilnehmende", "BAMF", "eigene Zuwanderung", Map.of(BreakdownDimension.SEX, List.of("weiblich", "männlich")),
                Frequency.YEARLY, "%"), "koordinator", at(14)));
        add("Indicator", indicator.value(), new ObservationsRecorded(indicator, List.of(
                new Observation("2024", Map.of(), new BigDecimal("61.0"), "BAMF 2024"),
                new Observation("2025", Map.of(BreakdownDimension.SEX, "weiblich"), new BigDecimal("66.1"), "BAMF 2025")),
                "import-1", "bamf.csv", "koordinator", at(15)));
        MeasureId measure = new MeasureId("massnahme-1");
        add("Measure", measure.value(), new MeasureAdopted(measure, recommendation, "Sprachkurse für Mütter",
                List.of(new MeasureTarget(indicator, Map.of(), new BigDecimal("61.0"), "2024", new BigDecimal("70"),
                        LocalDate.of(2028, 12, 31), Direction.INCREASE)), "buero.ob", at(16)));
        add("Measure", measure.value(), new MeasureVerdictChanged(measure, MeasureVerdict.ON_TRACK,
                MeasureVerdict.NOT_MEASURABLE_YET, "SPR-01 2025: 66.1", "koordinator", at(17)));
        NetworkProjectId cafe = new NetworkProjectId("sprachcafe");
        add("NetworkProject", cafe.value(), new NetworkProjectAnnounced(cafe, NetworkWorkingGroup.LANGUAGE, "Sprachcafé",
                "Offenes Sprachcafé", Set.of(PolicyField.LANGUAGE), NetworkProjectStatus.PLANNED,
                LocalDate.parse("2026-03-01"), null, "Frau Schulz", "koordinator", at(18)));
        add("NetworkProject", cafe.value(), new NetworkProjectUpdated(cafe, "Sprachcafé", "Offenes Sprachcafé",
                Set.of(PolicyField.LANGUAGE), NetworkProjectStatus.RUNNING, LocalDate.parse("2026-03-01"), null,
                "Frau Schulz", "koordinator", at(19)));
    }

    /** The fixture's events, in the order they are stored. */
    public static List<GenericDomainEventMessage<?>> events() {
        return List.copyOf(new RecordFixture().events);
    }

    /** Stores every event of the fixture, one after the other. */
    public static void storeIn(EventStore store) {
        events().forEach(store::publish);
    }

    private void add(String type, String aggregate, Object payload) {
        long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
        String id = type + "-" + aggregate + "-" + sequence;
        events.add(new GenericDomainEventMessage<>(type, aggregate, sequence, payload,
                MetaData.with("userId", "koordinator").and("correlationId", "c-" + id), id, at(events.size())));
    }

    private static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }
}
