package de.gremium.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.events.PolicyField;
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
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.scheduling.Availability;
import de.gremium.events.scheduling.CandidateSlot;
import de.gremium.events.scheduling.SchedulingPollAnswered;
import de.gremium.events.scheduling.SchedulingPollId;
import de.gremium.events.scheduling.SchedulingPollOpened;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.group.MemberDirectoryProjection;
import de.gremium.query.idea.ProjectIdeaProjection;
import de.gremium.query.meeting.MeetingProjection;
import de.gremium.query.scheduling.SchedulingPollProjection;
import de.gremium.query.search.ErasedSearchIndex;
import de.gremium.query.search.SearchProjection;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query side started on its own: events appended to the store reach the four new projections
 * through their processors, and the endpoints answer them with the roles the rules give.
 */
class GroupWorkApiTest {

    private static final Instant T0 = Instant.parse("2027-01-05T09:00:00Z");
    private static String database;
    private static ConfigurableApplicationContext context;
    private static Http http;

    @BeforeAll
    static void start() {
        database = TestStore.newRecord();
        List<String> args = new ArrayList<>(TestStore.common());
        args.addAll(TestStore.record(database));
        args.addAll(TestStore.views(database));
        context = QuerySideApplication.start(args.toArray(String[]::new));
        http = Http.on(Ports.of(context));
        EventStore store = context.getBean(EventStore.class);
        GroupId group = GroupId.PROJEKTGRUPPE_INTEGRATION;
        append(store, "WorkingGroup", group.value(), new GroupConstituted(group, "Projektgruppe Integration", List.of(
                new Department("Dezernat IV", List.of("IV/01")), new Department("Dezernat V", List.of("Amt 50"))),
                "koordinator", T0), new MemberAppointed(group, new MemberId("anna.amt50"), "Anna Becker", "Amt 50",
                "koordinator", T0.plusSeconds(60), null));
        ProjectIdeaId idea = new ProjectIdeaId("idee-1");
        MeetingId meeting = new MeetingId("regular-2027-Q1");
        append(store, "ProjectIdea", idea.value(), new ProjectIdeaProposed(idea, "Sprachcafé", "", Set.of(PolicyField.LANGUAGE),
                "koordinator", T0), new ProjectIdeaPlacedOnAgenda(idea, meeting, new AgendaItemId("top-1"), "koordinator",
                T0.plusSeconds(120)));
        append(store, "Meeting", meeting.value(),
                new MeetingPlanned(meeting, 2027, 1, MeetingKind.REGULAR, "Sitzung Q1/2027", 60, "koordinator", T0),
                new MeetingScheduled(meeting, Instant.parse("2027-03-10T12:00:00Z"), Instant.parse("2027-03-10T13:00:00Z"),
                        "Altes Rathaus", "koordinator", T0.plusSeconds(60)),
                new AgendaItemAdded(meeting, new AgendaItemId("top-1"), new AgendaTopic(AgendaTopicKind.PROJECT_IDEA,
                        idea.value(), "Sprachcafé"), 0, "koordinator", T0.plusSeconds(120)));
        SchedulingPollId poll = new SchedulingPollId("umfrage-1");
        append(store, "SchedulingPoll", poll.value(), new SchedulingPollOpened(poll, meeting, List.of(
                new CandidateSlot("c1", Instant.parse("2027-03-10T12:00:00Z"), Instant.parse("2027-03-10T13:00:00Z"), true,
                        List.of())), "koordinator", T0, null),
                new SchedulingPollAnswered(poll, new MemberId("anna.amt50"), Map.of("c1", Availability.YES), T0));
    }

    private static void append(EventStore store, String type, String aggregate, Object... events) {
        for (int sequence = 0; sequence < events.length; sequence++) {
            store.publish(new GenericDomainEventMessage<>(type, aggregate, sequence, events[sequence]));
        }
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    private static JsonNode awaitJson(String path) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> http.as("leser").get(path), r -> r.status() == 200
                && !r.body().contains("\"data\":[]") && !r.body().contains("\"members\":[]")).json();
    }

    @Test
    void eachProjectionRunsInItsOwnTrackingProcessingGroup() {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        for (String group : List.of(MemberDirectoryProjection.GROUP, ProjectIdeaProjection.GROUP, MeetingProjection.GROUP,
                SchedulingPollProjection.GROUP)) {
            assertThat(processing.eventProcessor(group)).as(group).get().isInstanceOf(TrackingEventProcessor.class);
        }
    }

    @Test
    void everyProcessorButTheSearchClaimsItsOneSegmentInTheRecordsTokenTable() {
        assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, String> owners = new HashMap<>();
            try (Connection record = TestStore.connect(database); ResultSet rows = record.createStatement().executeQuery(
                    "SELECT processor_name, segment, owner FROM token_entry")) {
                while (rows.next()) {
                    assertThat(rows.getInt("segment")).isZero();
                    owners.put(rows.getString("processor_name"), rows.getString("owner"));
                }
            }
            // the search's token is in memory, with its index, and so is the token of the processor that resets the
            // index after an erasure (SearchConfiguration)
            assertThat(owners.keySet()).containsExactlyInAnyOrderElementsOf(
                    context.getBean(EventProcessingConfiguration.class).eventProcessors().keySet().stream()
                            .filter(name -> !name.equals(SearchProjection.GROUP) && !name.equals(ErasedSearchIndex.GROUP))
                            .toList());
            assertThat(owners.values()).as("claimed by this process").doesNotContainNull();
        });
    }

    @Test
    void aRequestIsObservedAsAWholeButSpringSecurityDoesNotObserveEachOfItsFilters() {
        assertThat(http.as("leser").get("/api/units").status()).isEqualTo(200);
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(meters.find("http.server.requests").timers()).isNotEmpty());
        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security."));
    }

    @Test
    void theDirectoryAnswersMembersUnitsAndRepresentatives() {
        assertThat(awaitJson("/api/members?department=Dezernat%20V").at("/members/0/memberId").asText()).isEqualTo("anna.amt50");
        JsonNode units = http.as("anna.amt50").get("/api/units").json();
        assertThat(units.at("/departments/0/units/0/key").asText()).isEqualTo("iv-01");
        JsonNode representatives = http.as("leser").get("/api/units/amt-50/representatives?date=2027-01-05").json();
        assertThat(representatives.at("/representatives/0/name").asText()).isEqualTo("Anna Becker");
        assertThat(http.as("leser").get("/api/units/amt-99/representatives?date=2027-01-05").status()).isEqualTo(404);
        assertThat(http.as("leser").get("/api/units/amt-50/representatives?date=5.1.2027").status()).isEqualTo(400);
    }

    @Test
    void anIdeaShowsTheMeetingItIsOnWithItsVersionAsETag() {
        assertThat(awaitJson("/api/project-ideas?status=ON_AGENDA").at("/data/0/id").asText()).isEqualTo("idee-1");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Http.Response idea = http.as("leser").get("/api/project-ideas/idee-1");
            assertThat(idea.header("ETag")).isEqualTo("\"1\"");
            assertThat(idea.json().at("/meetings/0/status").asText()).isEqualTo("SCHEDULED");
            assertThat(idea.json().at("/title").asText()).as("the view is unwrapped").isEqualTo("Sprachcafé");
        });
    }

    @Test
    void theWorkPlanTheMeetingAndThePollAnswer() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode plan = http.as("leser").get("/api/work-plan/2027").json();
            assertThat(plan.at("/quarters/0/meetings/0/agenda/0/title").asText()).isEqualTo("Sprachcafé");
            assertThat(http.as("leser").get("/api/meetings/regular-2027-Q1").header("ETag")).isEqualTo("\"2\"");
            JsonNode poll = http.as("leser").get("/api/scheduling-polls/umfrage-1").json();
            assertThat(poll.at("/tally/0/yes").asInt()).isEqualTo(1);
            assertThat(poll.at("/answers/0/choices/c1").asText()).isEqualTo("YES");
        });
        assertThat(http.as("leser").get("/api/work-plan/1999").status()).isEqualTo(400);
        assertThat(http.as("leser").get("/api/meetings/unknown").status()).isEqualTo(404);
        assertThat(http.as("leser").get("/api/scheduling-polls/unknown").status()).isEqualTo(404);
    }

    @Test
    void aDateOutsideTheYears1900To2200IsRefusedNamingTheParameter() {
        assertOutOfBounds("/api/work-plan/2027?asOf=%2B999999999-12-31T23:59:59Z", "asOf");
        assertOutOfBounds("/api/work-plan/2027?asOf=1899-12-31T23:59:59Z", "asOf");
        assertOutOfBounds("/api/recommendations/empfehlung-1/trace?asOf=-1000000000-01-01T00:00:00Z", "asOf");
        assertOutOfBounds("/api/recommendations/empfehlung-1/trace?asOf=%2B292278994-08-17T07:12:55.807Z", "asOf");
        assertOutOfBounds("/api/units/amt-50/representatives?date=%2B999999999-12-31", "date");
        assertOutOfBounds("/api/units/amt-50/representatives?date=2201-01-01", "date");
        assertThat(http.as("koordinator").get("/api/work-plan/2027?asOf=2200-12-31T23:59:59Z").status()).isEqualTo(200);
    }

    private static void assertOutOfBounds(String path, String parameter) {
        Http.Response response = http.as("koordinator").get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("urn:gremium:problem:validation-failed");
        assertThat(response.json().at("/errors/0/field").asText()).as(path).isEqualTo(parameter);
        assertThat(response.json().at("/errors/0/reason").asText()).as(path).contains("outside the years 1900 to 2200");
    }

    @Test
    void theCalendarFeedIsTextCalendarForSignedInUsersOnly() throws Exception {
        assertThat(http.anonymous().get("/api/meetings.ics").status()).isEqualTo(401);
        Http.Response feed = await().atMost(Duration.ofSeconds(10))
                .until(() -> http.as("leser").get("/api/meetings.ics"), r -> r.body().contains("BEGIN:VEVENT"));
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).isEqualToIgnoringCase("text/calendar;charset=UTF-8");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        assertThat(calendar.getComponents()).hasSize(1);
        assertThat(http.as("leser").header("If-None-Match", feed.header("ETag")).get("/api/meetings.ics").status())
                .isEqualTo(304);
    }

    @Test
    void everyNewEndpointNeedsSignIn() {
        for (String path : List.of("/api/members", "/api/units", "/api/units/amt-50/representatives", "/api/project-ideas",
                "/api/project-ideas/idee-1", "/api/work-plan/2027", "/api/meetings/regular-2027-Q1",
                "/api/scheduling-polls/umfrage-1")) {
            assertThat(http.anonymous().get(path).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void theApiDocumentExplainsTheOpenItemsTheRankingAndTheFeed() {
        JsonNode paths = http.anonymous().get("/v3/api-docs").json().get("paths");
        assertThat(paths.at("/~1api~1work-plan~1{year}/get/description").asText()).contains("openItemsCarriedOver");
        assertThat(paths.at("/~1api~1scheduling-polls~1{pollId}/get/description").asText()).contains("fewest NO");
        assertThat(paths.at("/~1api~1meetings.ics/get/description").asText()).contains("SEQUENCE");
    }
}
