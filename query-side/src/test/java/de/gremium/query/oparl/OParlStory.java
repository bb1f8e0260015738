package de.gremium.query.oparl;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.ConsensusRecorded;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.group.CoordinatorRoleAssigned;
import de.gremium.events.group.Department;
import de.gremium.events.group.GroupConstituted;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaPlacedOnAgenda;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.idea.ProjectIdeaWithdrawn;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaItemRemoved;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

/**
 * The group's work as the OParl tests see it, event i stored at {@link #at(int) T0 + i minutes}: the group with two
 * members (one the coordinator, one who withdraws), three meetings (one held with an agenda of three items, one
 * removed, and a consensus; one cancelled), a recommendation, an idea on the agenda and an idea withdrawn.
 */
final class OParlStory {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final String HELD = "sitzung-q1";
    static final String PLANNED = "sitzung-q2";
    static final String CANCELLED = "sondersitzung";

    private final List<GenericDomainEventMessage<?>> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();

    private OParlStory() {
        GroupId group = GroupId.PROJEKTGRUPPE_INTEGRATION;
        MeetingId held = new MeetingId(HELD);
        ProjectIdeaId cafe = new ProjectIdeaId("sprachcafe");
        DeliberationId deliberation = new DeliberationId("beratung-1");
        RecommendationId recommendation = new RecommendationId("empfehlung-1");
        add("WorkingGroup", group.value(), new GroupConstituted(group, "Projektgruppe Integration", List.of(
                new Department("Dezernat V", List.of("Amt 50", "Amt 51")), new Department("Bereich OB", List.of("Büro OB"))),
                "koordinator", at(0)));                                                                     // 0
        add("WorkingGroup", group.value(), new MemberAppointed(group, new MemberId("anna.amt50"), "Anna Becker", "Amt 50",
                "koordinator", at(1), null));                                                                     // 1
        add("WorkingGroup", group.value(), new MemberAppointed(group, new MemberId("jonas.amt51"), "Jonas Weber", "Amt 51",
                "koordinator", at(2), null));                                                                     // 2
        add("WorkingGroup", group.value(), new CoordinatorRoleAssigned(group, new MemberId("jonas.amt51"), "koordinator",
                at(3)));                                                                                    // 3
        add("Meeting", HELD, new MeetingPlanned(held, 2026, 1, MeetingKind.REGULAR, "Sitzung Q1/2026", 60, "koordinator",
                at(4)));                                                                                    // 4
        add("Meeting", PLANNED, new MeetingPlanned(new MeetingId(PLANNED), 2026, 2, MeetingKind.REGULAR, "Sitzung Q2/2026",
                60, "koordinator", at(5)));                                                                 // 5
        add("Meeting", CANCELLED, new MeetingPlanned(new MeetingId(CANCELLED), 2026, 2, MeetingKind.EXTRA, "Sondersitzung",
                30, "koordinator", at(6)));                                                                 // 6
        add("Meeting", HELD, new MeetingScheduled(held, Instant.parse("2026-03-11T12:00:00Z"),
                Instant.parse("2026-03-11T13:00:00Z"), "Altes Rathaus", "koordinator", at(7)));             // 7
        add("ProjectIdea", cafe.value(), new ProjectIdeaProposed(cafe, "Sprachcafé", "offen für alle",
                Set.of(PolicyField.LANGUAGE), "anna.amt50", at(8)));                                        // 8
        add("Meeting", HELD, new AgendaItemAdded(held, new AgendaItemId("top-cafe"),
                new AgendaTopic(AgendaTopicKind.PROJECT_IDEA, cafe.value(), "Sprachcafé"), 0, "koordinator", at(9))); // 9
        add("ProjectIdea", cafe.value(), new ProjectIdeaPlacedOnAgenda(cafe, held, new AgendaItemId("top-cafe"),
                "koordinator", at(10)));                                                                    // 10
        add("Meeting", HELD, new AgendaItemAdded(held, new AgendaItemId("top-misc"),
                new AgendaTopic(AgendaTopicKind.FREE, null, "Verschiedenes"), 1, "koordinator", at(11)));   // 11
        add("Meeting", HELD, new AgendaItemAdded(held, new AgendaItemId("top-report"),
                new AgendaTopic(AgendaTopicKind.FREE, null, "Bericht der Koordination"), 0, "koordinator", at(12))); // 12
        add("Meeting", HELD, new AgendaItemRemoved(held, new AgendaItemId("top-misc"), "koordinator", at(13))); // 13
        add("Deliberation", deliberation.value(), new DraftRecommendationPut(deliberation, held, new AgendaItemId("top-cafe"),
                "Ein Sprachcafé einrichten", Set.of(PolicyField.LANGUAGE), List.of(cafe), List.of(),
                List.of(new MemberId("anna.amt50")), List.of(), "koordinator", at(14)));                   // 14
        add("Meeting", HELD, new MeetingHeld(held, List.of(new MemberId("anna.amt50"), new MemberId("jonas.amt51")),
                List.of(), "Die Gruppe berät das Sprachcafé.", List.of(), "koordinator", at(15)));         // 15
        add("Deliberation", deliberation.value(), new ConsensusRecorded(deliberation, recommendation, held,
                new AgendaItemId("top-cafe"), "Ein Sprachcafé im Stadtteil einrichten", Set.of(PolicyField.LANGUAGE),
                List.of(cafe), List.of(), List.of(new MemberId("anna.amt50")), "koordinator", at(16)));    // 16
        add("Recommendation", recommendation.value(), new RecommendationFormulated(recommendation, deliberation, held,
                new AgendaItemId("top-cafe"), "Ein Sprachcafé im Stadtteil einrichten", Set.of(PolicyField.LANGUAGE),
                List.of(cafe), List.of(), "koordinator", at(17)));                                          // 17
        ProjectIdeaId night = new ProjectIdeaId("nachtcafe");
        add("ProjectIdea", night.value(), new ProjectIdeaProposed(night, "Nachtcafé", "spät", Set.of(PolicyField.CULTURE),
                "anna.amt50", at(18)));                                                                     // 18
        add("ProjectIdea", night.value(), new ProjectIdeaWithdrawn(night, "doppelt", "anna.amt50", at(19))); // 19
        add("Meeting", CANCELLED, new MeetingCancelled(new MeetingId(CANCELLED), "kein Bedarf", "koordinator", at(20))); // 20
        add("WorkingGroup", group.value(), new MemberWithdrew(group, new MemberId("anna.amt50"), "Ruhestand", "koordinator",
                at(21)));                                                                                   // 21
    }

    /** The story's events, in the order they are stored. */
    static List<GenericDomainEventMessage<?>> events() {
        return List.copyOf(new OParlStory().events);
    }

    static void storeIn(EventStore store) {
        new OParlStory().events.forEach(store::publish);
    }

    static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    private void add(String type, String aggregate, Object payload) {
        long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
        String id = "oparl-" + type + "-" + aggregate + "-" + sequence;
        events.add(new GenericDomainEventMessage<>(type, aggregate, sequence, payload,
                MetaData.with("userId", "koordinator").and("correlationId", "c-" + id), id, at(events.size())));
    }
}
