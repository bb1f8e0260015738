package de.gremium.command.group;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.command.CommandSideApplication;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberEmailChanged;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.NotificationDelivery;
import de.gremium.events.group.NotificationKind;
import de.gremium.events.group.NotificationSettingsChosen;
import de.gremium.events.meeting.GuestInvited;
import de.gremium.events.scheduling.SchedulingPollOpened;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command side alone, as members and the coordinator set addresses and notification settings, invite guests with
 * an address and open a poll with a deadline.
 */
class MemberEmailAndSettingsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ConfigurableApplicationContext app;
    static Http http;

    @BeforeAll
    static void start() {
        app = CommandSideApplication.start(TestStore.fresh().toArray(String[]::new));
        http = Http.on(Ports.of(app));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Http.Response put(String user, String path, Object body) throws Exception {
        return http.as(user).send("PUT", path, "application/json", JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    static List<Object> events(String aggregateId) {
        return app.getBean(EventStore.class).readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    static List<Object> groupEvents() {
        return events(GroupId.PROJEKTGRUPPE_INTEGRATION.value());
    }

    static void assertRefused(Http.Response response, int status, String... fields) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.toString()).containsExactlyInAnyOrder(fields);
    }

    static Map<String, Object> email(String address) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", address);
        return body;
    }

    @Test
    void theUsersOfTheUsersFileAreAppointedWithTheirAddresses() {
        assertThat(groupEvents()).filteredOn(MemberAppointed.class::isInstance).map(MemberAppointed.class::cast)
                .extracting(e -> e.memberId().value(), MemberAppointed::email)
                .contains(org.assertj.core.groups.Tuple.tuple("anna.amt50", "anna.becker@magdeburg.example"),
                        org.assertj.core.groups.Tuple.tuple("koordinator", "koordination.integration@magdeburg.example"));
    }

    @Test
    void aMemberChangesTheirOwnAddressAndTheSameAddressAgainRecordsNothing() throws Exception {
        Http.Response changed = put("anna.amt50", "/api/members/anna.amt50/email", email("  a.becker@magdeburg.example "));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(put("anna.amt50", "/api/members/anna.amt50/email", email("a.becker@magdeburg.example")).status()).isEqualTo(204);

        assertThat(groupEvents()).filteredOn(MemberEmailChanged.class::isInstance).map(MemberEmailChanged.class::cast)
                .filteredOn(e -> e.memberId().equals(new MemberId("anna.amt50")))
                .singleElement().satisfies(e -> {
                    assertThat(e.email()).isEqualTo("a.becker@magdeburg.example");
                    assertThat(e.changedBy()).isEqualTo("anna.amt50");
                });
    }

    @Test
    void theCoordinatorRemovesAMembersAddressButAMemberCannotChangeAnothersAddress() throws Exception {
        Http.Response others = put("anna.amt50", "/api/members/buero.ob/email", email("falsch@magdeburg.example"));
        assertThat(others.status()).as(others.toString()).isEqualTo(403);
        assertThat(others.json().get("type").asText()).isEqualTo("urn:gremium:problem:forbidden");

        assertThat(put("koordinator", "/api/members/buero.ob/email", email(null)).status()).isEqualTo(204);

        assertThat(groupEvents()).filteredOn(MemberEmailChanged.class::isInstance).map(MemberEmailChanged.class::cast)
                .filteredOn(e -> e.memberId().equals(new MemberId("buero.ob")))
                .singleElement().satisfies(e -> {
                    assertThat(e.email()).isNull();
                    assertThat(e.changedBy()).isEqualTo("koordinator");
                });
    }

    @Test
    void whatIsNotAnAddressIsRefusedNamingTheField() throws Exception {
        assertRefused(put("anna.amt50", "/api/members/anna.amt50/email", email("Anna <anna@magdeburg.example>")), 400, "email");
        assertRefused(put("anna.amt50", "/api/members/anna.amt50/email", email("anna@localhost")), 400, "email");
    }

    @Test
    void aBodyWithoutTheFieldEmailIsRefusedAndDoesNotRemoveTheAddress() throws Exception {
        Http.Response empty = put("koordinator", "/api/members/jonas.fb32/email", Map.of());

        assertRefused(empty, 400, "email");
        assertThat(empty.json().get("errors").get(0).get("reason").asText()).as(empty.toString())
                .contains("required", "null removes the address");
        assertThat(groupEvents()).filteredOn(MemberEmailChanged.class::isInstance).map(MemberEmailChanged.class::cast)
                .as("the address stands").noneMatch(e -> e.memberId().equals(new MemberId("jonas.fb32")));
    }

    @Test
    void theAddressOfSomeoneWhoIsNoMemberIsNotFound() throws Exception {
        Http.Response response = put("koordinator", "/api/members/niemand/email", email("niemand@magdeburg.example"));
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
    }

    @Test
    void aReaderSetsNoAddressAtAll() throws Exception {
        assertThat(put("leser", "/api/members/leser/email", email("leser@magdeburg.example")).status()).isEqualTo(403);
    }

    @Test
    void aMemberChoosesTheirNotificationSettings() throws Exception {
        Http.Response chosen = put("koordinator", "/api/members/koordinator/notification-settings",
                Map.of("deliveries", Map.of("AGENDAS", "WEEKLY_DIGEST", "DECISIONS", "NEVER", "MINUTES", "IMMEDIATELY")));
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(204);

        assertThat(groupEvents()).filteredOn(NotificationSettingsChosen.class::isInstance)
                .map(NotificationSettingsChosen.class::cast)
                .filteredOn(e -> e.memberId().equals(new MemberId("koordinator")))
                .singleElement().satisfies(e -> assertThat(e.deliveries()).isEqualTo(Map.of(
                        NotificationKind.AGENDAS, NotificationDelivery.WEEKLY_DIGEST,
                        NotificationKind.DECISIONS, NotificationDelivery.NEVER)));
    }

    @Test
    void anUnknownKindOrDeliveryIsRefusedNamingEachOne() throws Exception {
        assertRefused(put("anna.amt50", "/api/members/anna.amt50/notification-settings",
                        Map.of("deliveries", Map.of("GARDENING", "NEVER", "AGENDAS", "MONTHLY"))),
                400, "deliveries.GARDENING", "deliveries.AGENDAS");
        assertRefused(put("anna.amt50", "/api/members/anna.amt50/notification-settings", Map.of("deliveries", Map.of())),
                400, "deliveries");
        assertThat(put("jonas.fb32", "/api/members/anna.amt50/notification-settings",
                Map.of("deliveries", Map.of("AGENDAS", "NEVER"))).status()).isEqualTo(403);
    }

    @Test
    void aMemberWhoWithdrewIsRefusedLikeTheirOtherWrites() throws Exception {
        Http.Response appointed = http.as("koordinator").post("/api/group/members", Map.of("memberId", "lena.amt51",
                "name", "Lena Krüger", "unit", "Amt 51", "email", "lena.krueger@magdeburg.example"));
        assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
        assertThat(http.as("koordinator").post("/api/group/members/lena.amt51/withdrawal", Map.of()).status()).isEqualTo(204);

        Http.Response email = put("koordinator", "/api/members/lena.amt51/email", email("lena@magdeburg.example"));
        assertThat(email.status()).as(email.toString()).isEqualTo(403);
        assertThat(email.json().get("type").asText()).isEqualTo("urn:gremium:problem:forbidden");
        assertThat(put("koordinator", "/api/members/lena.amt51/notification-settings",
                Map.of("deliveries", Map.of("AGENDAS", "NEVER"))).status()).isEqualTo(403);
        assertThat(groupEvents()).filteredOn(MemberAppointed.class::isInstance).map(MemberAppointed.class::cast)
                .filteredOn(e -> e.memberId().value().equals("lena.amt51"))
                .singleElement().satisfies(e -> assertThat(e.email()).isEqualTo("lena.krueger@magdeburg.example"));
    }

    @Test
    void anAppointmentWithWhatIsNotAnAddressIsRefusedNamingTheField() {
        assertRefused(http.as("koordinator").post("/api/group/members", Map.of("memberId", "max.amt61",
                "name", "Max Lehmann", "unit", "Amt 61", "email", "max.lehmann")), 400, "email");
    }

    static String planExtraMeeting(int year, int quarter) {
        Http.Response planned = http.as("koordinator").post("/api/meetings",
                Map.of("year", year, "quarter", quarter, "kind", "EXTRA", "title", "Sondersitzung", "durationMinutes", 60));
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        return planned.json().get("id").asText();
    }

    @Test
    void aGuestIsInvitedWithAnAddressAndWhatIsNotOneIsRefused() {
        String meeting = planExtraMeeting(2031, 1);
        Http.Response invited = http.as("koordinator").post("/api/meetings/" + meeting + "/guests",
                Map.of("name", "Frau Schmidt", "organisation", "Jobcenter", "email", "m.schmidt@jobcenter.example"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertRefused(http.as("koordinator").post("/api/meetings/" + meeting + "/guests",
                Map.of("name", "Herr Weber", "organisation", "SWM", "email", "weber at swm")), 400, "email");
        Http.Response withoutAddress = http.as("koordinator").post("/api/meetings/" + meeting + "/guests",
                Map.of("name", "Herr Weber", "organisation", "SWM"));
        assertThat(withoutAddress.status()).as(withoutAddress.toString()).isEqualTo(201);

        assertThat(events(meeting)).filteredOn(GuestInvited.class::isInstance).map(GuestInvited.class::cast)
                .extracting(e -> e.guest().email()).containsExactly("m.schmidt@jobcenter.example", null);
    }

    @Test
    void aPollIsOpenedWithWhenItsAnswersAreDue() {
        String meeting = planExtraMeeting(2031, 2);
        OffsetDateTime due = OffsetDateTime.now().plusDays(7).truncatedTo(ChronoUnit.SECONDS);
        Http.Response opened = http.as("koordinator").post("/api/scheduling-polls", Map.of("meetingId", meeting,
                "preferredSlots", false, "extraSlots", List.of("2031-04-09T13:00:00+02:00"), "answersDueBy", due.toString()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);

        assertThat(events(opened.json().get("pollId").asText())).first().isInstanceOfSatisfying(SchedulingPollOpened.class,
                e -> assertThat(e.answersDueBy()).isEqualTo(due.toInstant()));
    }

    @Test
    void answersDueInThePastOrAfterTheFirstCandidateAreRefusedNamingTheField() {
        String meeting = planExtraMeeting(2031, 3);
        Map<String, Object> poll = new HashMap<>(Map.of("meetingId", meeting, "preferredSlots", false,
                "extraSlots", List.of("2031-07-09T13:00:00+02:00")));
        poll.put("answersDueBy", Instant.now().minusSeconds(3600).toString());
        assertRefused(http.as("koordinator").post("/api/scheduling-polls", poll), 400, "answersDueBy");
        poll.put("answersDueBy", "2031-07-09T13:00:00+02:00");
        assertRefused(http.as("koordinator").post("/api/scheduling-polls", poll), 400, "answersDueBy");
    }

    @Test
    void theApiDocumentShowsTheNewEndpointsAndWhatAnAddressIs() {
        Http.Response docs = http.anonymous().get("/v3/api-docs");

        assertThat(docs.json().at("/paths/~1api~1members~1{memberId}~1email/put/summary").asText()).isNotBlank();
        assertThat(docs.json().at("/paths/~1api~1members~1{memberId}~1notification-settings/put/summary").asText()).isNotBlank();
        assertThat(docs.json().at("/components/schemas/EmailRequest/properties/email/format").asText()).isEqualTo("email");
        assertThat(docs.json().at("/components/schemas/GuestRequest/properties/email/maxLength").asInt()).isEqualTo(254);
        assertThat(docs.json().at("/components/schemas/OpenRequest/properties/answersDueBy/format").asText()).isEqualTo("date-time");
    }
}
