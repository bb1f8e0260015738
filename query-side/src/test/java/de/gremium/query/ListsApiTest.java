package de.gremium.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.events.PolicyField;
import de.gremium.events.consensus.ConsensusRecorded;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.consensus.GuestCommented;
import de.gremium.events.consensus.ObjectionId;
import de.gremium.events.consensus.ObjectionRaised;
import de.gremium.events.group.Department;
import de.gremium.events.group.GroupConstituted;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberId;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingScheduled;
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
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.events.recommendation.RecommendationSubmitted;
import de.gremium.events.scheduling.Availability;
import de.gremium.events.scheduling.CandidateSlot;
import de.gremium.events.scheduling.SchedulingPollAnswered;
import de.gremium.events.scheduling.SchedulingPollId;
import de.gremium.events.scheduling.SchedulingPollOpened;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.deliberation.DeliberationProjection;
import de.gremium.query.recommendation.RecommendationProjection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lists a person can browse, through the API of a query side started on its own: every list pages, filters,
 * refuses a bad filter naming it, and answers every Gremium role but nobody unsigned.
 */
class ListsApiTest {

    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> LISTS = List.of("/api/recommendations", "/api/meetings", "/api/scheduling-polls",
            "/api/deliberations", "/api/network-projects", "/api/monitoring/indicators", "/api/monitoring/measures");

    private static RunningQuerySide side;
    private static Http http;

    @BeforeAll
    static void start() {
        side = RunningQuerySide.start(TestStore.newRecord());
        http = Http.on(Ports.of(side.context()));
        EventStore store = side.eventStore();
        GroupId group = GroupId.PROJEKTGRUPPE_INTEGRATION;
        append(store, "WorkingGroup", group.value(), new GroupConstituted(group, "Projektgruppe Integration", List.of(
                new Department("Dezernat V", List.of("Amt 50", "FB 32"))), "koordinator", T0),
                new MemberAppointed(group, new MemberId("anna.amt50"), "Anna Becker", "Amt 50", "koordinator", at(1), null),
                new MemberAppointed(group, new MemberId("jonas.fb32"), "Jonas Wolf", "FB 32", "koordinator", at(2), null));

        MeetingId held = new MeetingId("regular-2026-Q3");
        append(store, "Meeting", held.value(),
                new MeetingPlanned(held, 2026, 3, MeetingKind.REGULAR, "Sitzung Q3/2026", 60, "koordinator", at(3)),
                new MeetingScheduled(held, Instant.parse("2026-09-16T11:00:00Z"), Instant.parse("2026-09-16T12:00:00Z"),
                        "Altes Rathaus", "koordinator", at(4)),
                new AgendaItemAdded(held, new AgendaItemId("top-1"), new AgendaTopic(AgendaTopicKind.FREE, null,
                        "Sprachkurse"), 0, "koordinator", at(5)),
                new AgendaItemAdded(held, new AgendaItemId("top-2"), new AgendaTopic(AgendaTopicKind.FREE, null,
                        "Sportvereine"), 1, "koordinator", at(6)),
                new MeetingHeld(held, List.of(new MemberId("anna.amt50"), new MemberId("jonas.fb32")),
                        List.of(new GuestId("gast-1")), "Protokoll der Sitzung", List.of(), "koordinator", at(7)));
        MeetingId planned = new MeetingId("regular-2027-Q1");
        append(store, "Meeting", planned.value(),
                new MeetingPlanned(planned, 2027, 1, MeetingKind.REGULAR, "Sitzung Q1/2027", 60, "koordinator", at(8)));

        SchedulingPollId poll = new SchedulingPollId("umfrage-2027-Q1");
        append(store, "SchedulingPoll", poll.value(), new SchedulingPollOpened(poll, planned, List.of(
                        new CandidateSlot("c1", Instant.parse("2027-03-10T12:00:00Z"), Instant.parse("2027-03-10T13:00:00Z"),
                                true, List.of())), "koordinator", at(9), null),
                new SchedulingPollAnswered(poll, new MemberId("anna.amt50"), Map.of("c1", Availability.YES), at(10)));

        DeliberationId closed = new DeliberationId("d-sprache");
        RecommendationId decided = new RecommendationId("e-sprache");
        append(store, "Deliberation", closed.value(),
                draft(closed, held, "top-1", PolicyField.LANGUAGE, at(11)),
                new ConsensusRecorded(closed, decided, held, new AgendaItemId("top-1"), "Sprachkurse mit Kinderbetreuung",
                        Set.of(PolicyField.LANGUAGE), List.of(), List.of(), List.of(new MemberId("anna.amt50")), "koordinator",
                        at(12)));
        DeliberationId running = new DeliberationId("d-sport");
        append(store, "Deliberation", running.value(),
                draft(running, held, "top-2", PolicyField.SPORT, at(13)),
                new ObjectionRaised(running, new ObjectionId("o-1"), new MemberId("jonas.fb32"), "zu teuer", at(14)),
                new GuestCommented(running, new GuestId("gast-1"), "Vereine sind bereit", "koordinator", at(15)));

        append(store, "Recommendation", decided.value(),
                new RecommendationFormulated(decided, closed, held, new AgendaItemId("top-1"),
                        "Sprachkurse mit Kinderbetreuung", Set.of(PolicyField.LANGUAGE), List.of(), List.of(), "koordinator",
                        at(12)),
                new RecommendationSubmitted(decided, "", "koordinator", at(16)),
                new MayorsDecisionRecorded(decided, MayorsDecision.DEFERRED, "Haushalt abwarten", LocalDate.parse("2027-03-15"),
                        "buero.ob", at(17)));
        RecommendationId older = new RecommendationId("e-2025");
        append(store, "Recommendation", older.value(), new RecommendationFormulated(older, new DeliberationId("d-2025"),
                new MeetingId("regular-2025-Q4"), new AgendaItemId("top-9"), "Mehr Beratung", Set.of(PolicyField.EMPLOYMENT),
                List.of(), List.of(), "koordinator", Instant.parse("2025-11-12T12:00:00Z")));

        NetworkProjectId cafe = new NetworkProjectId("sprachcafe");
        append(store, "NetworkProject", cafe.value(), new NetworkProjectAnnounced(cafe, NetworkWorkingGroup.LANGUAGE,
                "Sprachcafé", "Offen", Set.of(PolicyField.LANGUAGE), NetworkProjectStatus.RUNNING, LocalDate.parse("2026-03-01"),
                null, "Frau Schulz", "koordinator", at(18)));
        NetworkProjectId jobs = new NetworkProjectId("jobpaten");
        append(store, "NetworkProject", jobs.value(), new NetworkProjectAnnounced(jobs, NetworkWorkingGroup.WORK_TRAINING,
                "Jobpaten", "Paten", Set.of(PolicyField.EMPLOYMENT), NetworkProjectStatus.PLANNED, null, null, "Herr Kaya",
                "koordinator", at(19)));

        IndicatorId indicator = new IndicatorId("SPR-01");
        append(store, "Indicator", indicator.value(), new IndicatorDefined(indicator, new IndicatorDefinition(
                        "Abschlussquote Integrationskurse", PolicyField.LANGUAGE, FigureType.KEY_FIGURE, "mit B1", "alle",
                        "BAMF", "eigene Zuwanderung", Map.of(), Frequency.YEARLY, "%"), "koordinator", at(20)),
                new ObservationsRecorded(indicator, List.of(new Observation("2024", Map.of(), new BigDecimal("61.0"), "BAMF 2024"),
                        new Observation("2025", Map.of(), new BigDecimal("63.5"), "BAMF 2025")), "import-1", "bamf.csv",
                        "koordinator", at(21)));
        IndicatorId empty = new IndicatorId("ARB-01");
        append(store, "Indicator", empty.value(), new IndicatorDefined(empty, new IndicatorDefinition("Beschäftigungsquote",
                PolicyField.EMPLOYMENT, FigureType.KEY_FIGURE, "beschäftigt", "alle", "BA", "Staatsangehörigkeit", Map.of(),
                Frequency.YEARLY, "%"), "koordinator", at(22)));
        MeasureId measure = new MeasureId("massnahme-1");
        append(store, "Measure", measure.value(), new MeasureAdopted(measure, decided, "Sprachkurse für Mütter",
                        List.of(new MeasureTarget(indicator, Map.of(), new BigDecimal("61.0"), "2024", new BigDecimal("70"),
                                LocalDate.of(2028, 12, 31), Direction.INCREASE)), "buero.ob", at(23)),
                new MeasureVerdictChanged(measure, MeasureVerdict.ON_TRACK, MeasureVerdict.NOT_MEASURABLE_YET,
                        "SPR-01 2025: 63.5", "koordinator", at(24)));
        side.awaitCaughtUp();
    }

    private static DraftRecommendationPut draft(DeliberationId id, MeetingId meeting, String item, PolicyField field,
            Instant at) {
        return new DraftRecommendationPut(id, meeting, new AgendaItemId(item), "Entwurf " + id.value(), Set.of(field),
                List.of(), List.of(), List.of(new MemberId("anna.amt50"), new MemberId("jonas.fb32")),
                List.of(new GuestId("gast-1")), "koordinator", at);
    }

    private static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    private static void append(EventStore store, String type, String aggregate, Object... events) {
        for (int sequence = 0; sequence < events.length; sequence++) {
            store.publish(new GenericDomainEventMessage<>(type, aggregate, sequence, events[sequence]));
        }
    }

    @AfterAll
    static void stop() {
        side.close();
    }

    private static JsonNode json(String path) {
        Http.Response response = http.as("leser").get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(String path, String field) {
        List<String> ids = new ArrayList<>();
        json(path).get("data").forEach(row -> ids.add(row.get(field).asText()));
        return ids;
    }

    private static void assertRefused(String path, String parameter) {
        Http.Response response = http.as("leser").get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:gremium:problem:validation-failed");
        assertThat(response.json().at("/errors/0/field").asText()).as(path).isEqualTo(parameter);
    }

    @Test
    void theNewViewsRunInTrackingProcessingGroupsOfTheirOwn() {
        EventProcessingConfiguration processing = side.context().getBean(EventProcessingConfiguration.class);
        for (String group : List.of(RecommendationProjection.GROUP, DeliberationProjection.GROUP)) {
            assertThat(processing.eventProcessor(group)).as(group).get().isInstanceOf(TrackingEventProcessor.class);
            assertThat(processing.deadLetterQueue(group)).as(group).isPresent();
        }
    }

    @Test
    void recommendationsAreListedNewestFirstWithStatusDecisionAndReviewDate() {
        JsonNode first = json("/api/recommendations").at("/data/0");
        assertThat(first.get("id").asText()).isEqualTo("e-sprache");
        assertThat(first.get("status").asText()).isEqualTo("DEFERRED");
        assertThat(first.get("decision").asText()).isEqualTo("DEFERRED");
        assertThat(first.get("reviewDate").asText()).isEqualTo("2027-03-15");
        assertThat(first.get("year").asInt()).isEqualTo(2026);
        assertThat(ids("/api/recommendations", "id")).containsExactly("e-sprache", "e-2025");
        assertThat(ids("/api/recommendations?status=FORMULATED", "id")).containsExactly("e-2025");
        assertThat(ids("/api/recommendations?year=2025", "id")).containsExactly("e-2025");
        assertThat(ids("/api/recommendations?policyField=LANGUAGE&year=2026", "id")).containsExactly("e-sprache");
        assertThat(ids("/api/recommendations?dueForReviewBy=2027-03-31", "id")).containsExactly("e-sprache");
        assertThat(ids("/api/recommendations?dueForReviewBy=2027-03-14", "id")).isEmpty();
    }

    @Test
    void oneRecommendationComesWithoutItsTraceAndTheTraceStaysWhereItWas() {
        Http.Response one = http.as("anna.amt50").get("/api/recommendations/e-sprache");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.header("ETag")).isEqualTo("\"2\"");
        assertThat(one.json().at("/decision/reasons").asText()).isEqualTo("Haushalt abwarten");
        assertThat(one.json().has("steps")).isFalse();
        assertThat(http.as("leser").get("/api/recommendations/unbekannt").status()).isEqualTo(404);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(http.as("leser").get("/api/recommendations/e-sprache/trace").status()).isEqualTo(200));
    }

    @Test
    void aListPagesLikeOParlWithLinksThatKeepTheFilters() {
        JsonNode second = json("/api/recommendations?size=1&page=2");
        assertThat(second.at("/data/0/id").asText()).isEqualTo("e-2025");
        assertThat(second.at("/pagination/totalElements").asLong()).isEqualTo(2);
        assertThat(second.at("/pagination/totalPages").asInt()).isEqualTo(2);
        assertThat(second.at("/links/prev").asText()).contains("page=1").contains("size=1");
        assertThat(second.at("/links").has("next")).isFalse();
        JsonNode filtered = json("/api/meetings?year=2026&size=1");
        assertThat(filtered.at("/links/first").asText()).contains("year=2026");
    }

    @Test
    void meetingsAreListedByYearAndStatusWithAgendaCountAndMinutes() {
        JsonNode meetings = json("/api/meetings");
        assertThat(meetings.at("/data/0/id").asText()).as("newest first").isEqualTo("regular-2027-Q1");
        JsonNode held = json("/api/meetings?year=2026&status=HELD").at("/data/0");
        assertThat(held.get("id").asText()).isEqualTo("regular-2026-Q3");
        assertThat(held.get("agendaTopics").asInt()).isEqualTo(2);
        assertThat(held.get("minutesPresent").asBoolean()).isTrue();
        assertThat(held.get("start").asText()).isEqualTo("2026-09-16T11:00:00Z");
        assertThat(json("/api/meetings?status=PLANNED").at("/data/0/minutesPresent").asBoolean()).isFalse();
        assertThat(ids("/api/meetings?year=2027&status=HELD", "id")).isEmpty();
    }

    @Test
    void pollsShowTheTallyAndWhoHasNotAnsweredYet() {
        JsonNode row = json("/api/scheduling-polls?status=OPEN").at("/data/0");
        assertThat(row.get("pollId").asText()).isEqualTo("umfrage-2027-Q1");
        assertThat(row.get("notAnswered").asText()).isEqualTo("Jonas Wolf (jonas.fb32)");
        assertThat(row.get("tally").asText()).isEqualTo("c1: YES 1 / IF_NEED_BE 0 / NO 0");
        assertThat(ids("/api/scheduling-polls?status=CLOSED", "pollId")).isEmpty();
        JsonNode poll = json("/api/scheduling-polls/umfrage-2027-Q1");
        assertThat(poll.at("/notAnswered/0/memberId").asText()).isEqualTo("jonas.fb32");
        assertThat(poll.at("/notAnswered/0/name").asText()).isEqualTo("Jonas Wolf");
    }

    @Test
    void deliberationsShowTheRunningDraftAndTheClosedOutcome() {
        assertThat(ids("/api/deliberations", "id")).containsExactly("d-sport", "d-sprache");
        JsonNode running = json("/api/deliberations?status=RUNNING").at("/data/0");
        assertThat(running.get("draft").asText()).isEqualTo("Entwurf d-sport");
        assertThat(running.get("openObjections").asInt()).isEqualTo(1);
        assertThat(running.get("guestComments").asInt()).isEqualTo(1);
        JsonNode closed = json("/api/deliberations?status=CLOSED&policyField=LANGUAGE").at("/data/0");
        assertThat(closed.get("outcome").asText()).isEqualTo("CONSENSUS");
        assertThat(closed.get("recommendationId").asText()).isEqualTo("e-sprache");
        JsonNode one = json("/api/deliberations/d-sport");
        assertThat(one.at("/objections/0/state").asText()).isEqualTo("OPEN");
        assertThat(one.at("/guestComments/0/comment").asText()).isEqualTo("Vereine sind bereit");
        assertThat(http.as("leser").get("/api/deliberations/unbekannt").status()).isEqualTo(404);
    }

    @Test
    void networkProjectsIndicatorsAndMeasuresAreListed() {
        assertThat(ids("/api/network-projects", "id")).containsExactly("jobpaten", "sprachcafe");
        assertThat(ids("/api/network-projects?workingGroup=LANGUAGE&status=RUNNING", "id")).containsExactly("sprachcafe");
        assertThat(ids("/api/monitoring/indicators", "indicatorId")).containsExactly("ARB-01", "SPR-01");
        JsonNode indicator = json("/api/monitoring/indicators?policyField=LANGUAGE").at("/data/0");
        assertThat(indicator.get("latestPeriod").asText()).isEqualTo("2025");
        assertThat(indicator.get("latestValue").decimalValue()).isEqualByComparingTo("63.5");
        assertThat(indicator.get("trendDirection").asText()).isEqualTo("UP");
        assertThat(json("/api/monitoring/indicators?policyField=EMPLOYMENT").at("/data/0").has("latestValue")).isFalse();
        JsonNode measure = json("/api/monitoring/measures?verdict=ON_TRACK").at("/data/0");
        assertThat(measure.get("measureId").asText()).isEqualTo("massnahme-1");
        assertThat(measure.get("indicators").asText()).isEqualTo("SPR-01");
        assertThat(ids("/api/monitoring/measures?verdict=MISSED", "measureId")).isEmpty();
        assertThat(ids("/api/monitoring/measures?indicatorId=SPR-01", "measureId")).containsExactly("massnahme-1");
    }

    @Test
    void aFilterValueMayBeWrittenInAnyCase() {
        assertThat(ids("/api/scheduling-polls?status=open", "pollId")).containsExactly("umfrage-2027-Q1");
        assertThat(ids("/api/recommendations?status=deferred", "id")).containsExactly("e-sprache");
        assertThat(ids("/api/deliberations?status=Running", "id")).containsExactly("d-sport");
        assertRefused("/api/scheduling-polls?status=offen", "status");
    }

    @Test
    void aBadFilterIsRefusedNamingTheParameter() {
        assertRefused("/api/recommendations?status=LOST", "status");
        assertRefused("/api/recommendations?policyField=ASTRONOMY", "policyField");
        assertRefused("/api/recommendations?year=1999", "year");
        assertRefused("/api/recommendations?dueForReviewBy=31.03.2027", "dueForReviewBy");
        assertRefused("/api/recommendations?dueForReviewBy=2201-01-01", "dueForReviewBy");
        assertRefused("/api/meetings?status=POSTPONED", "status");
        assertRefused("/api/meetings?year=zwei", "year");
        assertRefused("/api/scheduling-polls?status=HALF_OPEN", "status");
        assertRefused("/api/deliberations?status=PAUSED", "status");
        assertRefused("/api/network-projects?workingGroup=AG_SPORT", "workingGroup");
        assertRefused("/api/monitoring/indicators?policyField=WEATHER", "policyField");
        assertRefused("/api/monitoring/measures?verdict=GREAT", "verdict");
        for (String list : LISTS) {
            assertRefused(list + "?size=101", "size");
            assertRefused(list + "?page=0", "page");
        }
    }

    @Test
    void aPageSoFarOnThatTheViewStoreCouldNotSkipToItIsRefusedNamingThePage() {
        // (page - 1) × size beyond 2^31 wrapped around in the view store's skip: a 500 or another page's rows
        List<String> everyList = new ArrayList<>(LISTS);
        everyList.addAll(List.of("/api/problem-reports", "/api/project-ideas", "/api/network-feed", "/api/search?q=Kurs"));
        for (String list : everyList) {
            String separator = list.contains("?") ? "&" : "?";
            assertRefused(list + separator + "page=21474838&size=100", "page");
            assertRefused(list + separator + "page=1000001", "page");
        }
        assertThat(http.as("leser").get(LISTS.get(0) + "?page=1000000&size=100").status()).isEqualTo(200);
    }

    @Test
    void everyGremiumRoleMayBrowseTheListsButNobodyUnsigned() {
        for (String list : LISTS) {
            assertThat(http.anonymous().get(list).status()).as(list).isEqualTo(401);
            for (String user : List.of("leser", "anna.amt50", "koordinator", "buero.ob")) {
                assertThat(http.as(user).get(list).status()).as(user + " " + list).isEqualTo(200);
            }
        }
        for (String one : List.of("/api/recommendations/e-sprache", "/api/deliberations/d-sport")) {
            assertThat(http.anonymous().get(one).status()).as(one).isEqualTo(401);
        }
    }

    @Test
    void theApiDocumentDescribesEveryList() {
        JsonNode paths = http.anonymous().get("/v3/api-docs").json().get("paths");
        for (String list : LISTS) {
            assertThat(paths.at("/" + list.replace("/", "~1") + "/get/description").asText()).as(list).isNotBlank();
        }
        assertThat(paths.at("/~1api~1recommendations/get/description").asText()).contains("dueForReviewBy");
        assertThat(paths.at("/~1api~1scheduling-polls/get/description").asText()).contains("notAnswered");
        assertThat(paths.has("/api/recommendations/{recommendationId}")).isTrue();
        assertThat(paths.has("/api/deliberations/{deliberationId}")).isTrue();
    }
}
