package de.gremium.query.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.events.group.Department;
import de.gremium.events.group.GroupConstituted;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.events.group.NotificationDelivery;
import de.gremium.events.group.NotificationKind;
import de.gremium.events.group.NotificationSettingsChosen;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.RunningQuerySide;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Notifications as the query side shows them, through the API of a query side started on its own with the demo users:
 * members' addresses in the directory (for the coordinator and the member themself), each member's settings, the
 * coordinator's outbox read from the record (rows inserted here as the command side's notifier would), and the e-mails
 * in the access export.
 */
class NotificationsApiTest {

    private static final GroupId GROUP = GroupId.PROJEKTGRUPPE_INTEGRATION;
    private static final Instant T0 = Instant.parse("2027-01-10T09:00:00Z");
    private static final String CALENDAR = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";

    private static RunningQuerySide side;
    private static Http http;
    private static JdbcTemplate sql;
    private static long sentInvitation;
    private static long heldInvitation;
    private static long failedAgenda;
    private static long guestInvitation;
    private static long digested;
    private static long digest;

    @BeforeAll
    static void start() {
        side = RunningQuerySide.start(TestStore.newRecord());
        http = Http.on(Ports.of(side.context()));
        sql = new JdbcTemplate(side.context().getBean(DataSource.class));
        List<Object> events = List.of(
                new GroupConstituted(GROUP, "Projektgruppe Integration", List.of(
                        new Department("Bereich OB", List.of("Amt 16", "Öffentlichkeitsarbeit")),
                        new Department("Dezernat I", List.of("FB 32")),
                        new Department("Dezernat V", List.of("Amt 50"))), "koordinator", T0),
                appointed("koordinator", "Koordinator", "Amt 16", "koordination@magdeburg.example", 1),
                appointed("anna.amt50", "Anna Becker", "Amt 50", "anna.becker@magdeburg.example", 2),
                appointed("jonas.fb32", "Jonas Wolf", "FB 32", "jonas.wolf@magdeburg.example", 3),
                appointed("buero.ob", "Vertretung OB", "Öffentlichkeitsarbeit", null, 4),
                new NotificationSettingsChosen(GROUP, new MemberId("anna.amt50"), Map.of(
                        NotificationKind.AGENDAS, NotificationDelivery.WEEKLY_DIGEST,
                        NotificationKind.DECISIONS, NotificationDelivery.NEVER), "anna.amt50", T0.plusSeconds(300)),
                new MemberWithdrew(GROUP, new MemberId("buero.ob"), "Wechsel der Stelle", "koordinator", T0.plusSeconds(360)));
        for (int sequence = 0; sequence < events.size(); sequence++) {
            side.eventStore().publish(new GenericDomainEventMessage<>("WorkingGroup", GROUP.value(), sequence,
                    events.get(sequence)));
        }
        sentInvitation = letter("MEETING_INVITATIONS", "anna.amt50", "Anna Becker", "anna.becker@magdeburg.example",
                "IMMEDIATELY", "Einladung: Sitzung Q1/2027", "SENT", 1, null, null, null, null, 1);
        heldInvitation = letter("MEETING_INVITATIONS", "anna.amt50", "Anna Becker", "anna.becker@magdeburg.example",
                "IMMEDIATELY", "Verschoben: Sitzung Q1/2027", "HELD", 0, "kein SMTP-Server eingerichtet",
                "Die Sitzung wurde verschoben.", "<p>Die Sitzung wurde verschoben.</p>", CALENDAR, 2);
        failedAgenda = letter("AGENDAS", "jonas.fb32", "Jonas Wolf", "jonas.wolf@magdeburg.example", "IMMEDIATELY",
                "Tagesordnung: Sitzung Q1/2027", "FAILED", 5, "Connection refused", "Tagesordnung", "<p>Tagesordnung</p>",
                null, 3);
        guestInvitation = letter("MEETING_INVITATIONS", "guest:g-1", "Gast Müller", "gast@beispiel.example", "IMMEDIATELY",
                "Einladung: Sitzung Q1/2027", "PENDING", 0, null, "Sie sind eingeladen.", "<p>Sie sind eingeladen.</p>",
                CALENDAR, 4);
        digested = letter("MINUTES", "jonas.fb32", "Jonas Wolf", "jonas.wolf@magdeburg.example", "WEEKLY_DIGEST",
                "Protokoll: Sitzung Q4/2026", "DIGESTED", 0, null, "Protokoll", "<p>Protokoll</p>", null, 5);
        digest = letter("DIGEST", "jonas.fb32", "Jonas Wolf", "jonas.wolf@magdeburg.example", "IMMEDIATELY",
                "Ihre Wochenübersicht", "PENDING", 0, null, "1 Nachricht", "<p>1 Nachricht</p>", null, 6);
        side.awaitCaughtUp();
    }

    @AfterAll
    static void stop() {
        side.close();
    }

    private static MemberAppointed appointed(String member, String name, String unit, String email, int minute) {
        return new MemberAppointed(GROUP, new MemberId(member), name, unit, "koordinator", T0.plusSeconds(60L * minute),
                email);
    }

    /** A row of the outbox as the command side writes it; its id. */
    private static long letter(String kind, String recipientId, String name, String address, String delivery,
            String subject, String status, int attempts, String lastError, String text, String html, String calendar,
            int minute) {
        OffsetDateTime created = T0.plusSeconds(3600L + 60L * minute).atOffset(ZoneOffset.UTC);
        return sql.queryForObject("""
                INSERT INTO notification_outbox (dedup_key, kind, recipient_id, recipient_name, recipient_address,
                    delivery, subject, text_body, html_body, calendar, status, attempts, next_attempt_at, last_error,
                    created_at, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class,
                "event-" + minute + "/" + kind + "/" + recipientId, kind, recipientId, name, address, delivery, subject,
                text, html, calendar, status, attempts, created.plusMinutes(attempts), lastError, created,
                "SENT".equals(status) ? created.plusSeconds(30) : null);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).isMissingNode() || node.path(field).isNull() ? null
                : node.get(field).asText()));
        return texts;
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static JsonNode ok(String user, String path) {
        Http.Response response = http.as(user).get(path);
        assertThat(response.status()).as(user + " " + path + " " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static void assertRefused(String user, String path, int status, String field) {
        Http.Response response = http.as(user).get(path);
        assertThat(response.status()).as(user + " " + path + " " + response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().at("/errors/0/field").asText()).as(path).isEqualTo(field);
        }
    }

    @Test
    void theCoordinatorSeesEveryMembersAddressInTheDirectoryAMemberOnlyTheirOwnAndAReaderNone() {
        assertThat(texts(ok("koordinator", "/api/members").get("members"), "email")).containsExactlyInAnyOrder(
                "koordination@magdeburg.example", "anna.becker@magdeburg.example", "jonas.wolf@magdeburg.example");

        JsonNode asAnna = ok("anna.amt50", "/api/members").get("members");
        assertThat(texts(asAnna, "memberId")).containsExactlyInAnyOrder("koordinator", "anna.amt50", "jonas.fb32");
        assertThat(asAnna.toString()).contains("anna.becker@magdeburg.example")
                .doesNotContain("jonas.wolf@", "koordination@");
        assertThat(ok("leser", "/api/members").toString()).doesNotContain("@magdeburg.example");
        assertThat(http.as("jonas.fb32").get("/api/members?format=csv").body())
                .contains("jonas.wolf@magdeburg.example").doesNotContain("anna.becker@");
    }

    @Test
    void aMemberReadsTheirOwnSettingsWithEveryKindItsChoiceOrImmediatelyAndTheChoices() {
        JsonNode mine = ok("anna.amt50", "/api/me/notification-settings");

        assertThat(mine.get("memberId").asText()).isEqualTo("anna.amt50");
        assertThat(mine.get("name").asText()).isEqualTo("Anna Becker");
        assertThat(mine.get("email").asText()).isEqualTo("anna.becker@magdeburg.example");
        assertThat(mine.get("withdrawn").asBoolean()).isFalse();
        assertThat(texts(mine.get("settings"), "kind")).containsExactly("SCHEDULING_POLLS", "MEETING_INVITATIONS",
                "AGENDAS", "MINUTES", "MY_REPORTS", "DECISIONS", "REVIEW_DATES");
        assertThat(texts(mine.get("settings"), "delivery")).containsExactly("IMMEDIATELY", "IMMEDIATELY",
                "WEEKLY_DIGEST", "IMMEDIATELY", "IMMEDIATELY", "NEVER", "IMMEDIATELY");
        JsonNode agendas = mine.at("/settings/2");
        assertThat(agendas.get("label").asText()).isEqualTo("Tagesordnungen");
        assertThat(agendas.get("description").asText()).isEqualTo("Die Tagesordnung vor der Sitzung.");
        assertThat(agendas.get("deliveryLabel").asText()).isEqualTo("in der wöchentlichen Zusammenfassung");
        assertThat(texts(mine.get("deliveries"), "value")).containsExactly("IMMEDIATELY", "WEEKLY_DIGEST", "NEVER");
        assertThat(texts(mine.get("deliveries"), "label")).containsExactly("sofort", "in der wöchentlichen Zusammenfassung",
                "gar nicht");
        assertThat(ok("anna.amt50", "/api/members/anna.amt50/notification-settings")).isEqualTo(mine);
        assertThat(http.as("anna.amt50").get("/api/me/notification-settings?format=csv").body().lines())
                .hasSize(1 + NotificationKind.values().length).first().asString()
                .isEqualTo("kind,label,description,delivery,deliveryLabel");
    }

    @Test
    void theCoordinatorReadsAnyMembersSettingsAndAWithdrawnMemberIsMarked() {
        assertThat(ok("koordinator", "/api/members/anna.amt50/notification-settings").get("email").asText())
                .isEqualTo("anna.becker@magdeburg.example");
        JsonNode withdrawn = ok("koordinator", "/api/members/buero.ob/notification-settings");
        assertThat(withdrawn.get("withdrawn").asBoolean()).isTrue();
        assertThat(withdrawn.has("email")).as("no address, left out").isFalse();
        assertThat(ok("buero.ob", "/api/me/notification-settings").get("withdrawn").asBoolean()).isTrue();
    }

    @Test
    void nobodyElseReadsAMembersSettingsAndAnUnknownOrMalformedMemberIsRefused() {
        assertRefused("jonas.fb32", "/api/members/anna.amt50/notification-settings", 403, null);
        assertRefused("leser", "/api/members/anna.amt50/notification-settings", 403, null);
        assertRefused("jonas.fb32", "/api/members/anna,amt50/notification-settings", 403, null);
        assertRefused("koordinator", "/api/members/niemand/notification-settings", 404, null);
        assertRefused("koordinator", "/api/members/anna,amt50/notification-settings", 400, "memberId");
        assertRefused("leser", "/api/me/notification-settings", 404, null);
        assertThat(http.anonymous().get("/api/me/notification-settings").status()).isEqualTo(401);
    }

    @Test
    void theOutboxListsEveryEmailNewestFirstWithTheCountsPerStatusAndGermanLabels() {
        JsonNode outbox = ok("koordinator", "/api/notifications/outbox");

        assertThat(outbox.get("counts").toString()).isEqualTo(
                "{\"PENDING\":2,\"SENDING\":0,\"SENT\":1,\"FAILED\":1,\"HELD\":1,\"DIGESTED\":1}");
        assertThat(ids(outbox.get("items"))).containsExactly(digest, digested, guestInvitation, failedAgenda,
                heldInvitation, sentInvitation);
        assertThat(outbox.at("/pagination/totalElements").asLong()).isEqualTo(6);
        JsonNode failed = outbox.at("/items/3");
        assertThat(failed.get("kind").asText()).isEqualTo("AGENDAS");
        assertThat(failed.get("kindLabel").asText()).isEqualTo("Tagesordnungen");
        assertThat(failed.get("recipientId").asText()).isEqualTo("jonas.fb32");
        assertThat(failed.get("recipientName").asText()).isEqualTo("Jonas Wolf");
        assertThat(failed.get("recipientAddress").asText()).isEqualTo("jonas.wolf@magdeburg.example");
        assertThat(failed.get("delivery").asText()).isEqualTo("IMMEDIATELY");
        assertThat(failed.get("subject").asText()).isEqualTo("Tagesordnung: Sitzung Q1/2027");
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("statusLabel").asText()).isEqualTo("fehlgeschlagen");
        assertThat(failed.get("attempts").asInt()).isEqualTo(5);
        assertThat(failed.get("lastError").asText()).isEqualTo("Connection refused");
        assertThat(Instant.parse(failed.get("createdAt").asText())).isEqualTo(T0.plusSeconds(3600 + 180));
        assertThat(Instant.parse(failed.get("nextAttemptAt").asText())).isEqualTo(T0.plusSeconds(3600 + 180 + 300));
        assertThat(failed.get("invitation").asBoolean()).isFalse();
        assertThat(failed.has("text")).as("bodies only in the detail").isFalse();
        assertThat(texts(outbox.get("items"), "statusLabel")).containsExactly("wartet", "in Zusammenfassung", "wartet",
                "fehlgeschlagen", "nicht versandt (kein SMTP-Server)", "gesendet");
        assertThat(texts(outbox.get("items"), "invitation")).containsExactly("false", "false", "true", "false", "true", "true");
        assertThat(outbox.at("/items/0/kindLabel").asText()).isEqualTo("Wöchentliche Zusammenfassung");
        assertThat(outbox.at("/items/5/sentAt").asText()).isEqualTo(T0.plusSeconds(3600 + 60 + 30).toString());
    }

    @Test
    void theOutboxFiltersByStatusInAnyCaseAndPagesButCountsAll() {
        JsonNode pending = ok("koordinator", "/api/notifications/outbox?status=pending");
        assertThat(ids(pending.get("items"))).containsExactly(digest, guestInvitation);
        assertThat(pending.at("/pagination/totalElements").asLong()).isEqualTo(2);
        assertThat(pending.at("/counts/SENT").asLong()).isEqualTo(1);

        JsonNode second = ok("koordinator", "/api/notifications/outbox?size=4&page=2");
        assertThat(ids(second.get("items"))).containsExactly(heldInvitation, sentInvitation);
        assertThat(second.at("/pagination/totalPages").asInt()).isEqualTo(2);
        assertThat(second.at("/links/prev").asText()).contains("page=1");
        assertThat(ok("koordinator", "/api/notifications/outbox?status=SENDING").get("items")).isEmpty();
        assertThat(http.as("koordinator").get("/api/notifications/outbox?status=HELD&format=csv").body().lines())
                .hasSize(2).last().asString().startsWith(heldInvitation + ",MEETING_INVITATIONS,");
    }

    @Test
    void aStatusThatIsNoneAndPagesOutOfRangeAreRefusedNamingTheParameter() {
        assertRefused("koordinator", "/api/notifications/outbox?status=VERLOREN", 400, "status");
        assertRefused("koordinator", "/api/notifications/outbox?page=0", 400, "page");
        assertRefused("koordinator", "/api/notifications/outbox?size=101", 400, "size");
        assertRefused("koordinator", "/api/notifications/outbox/eins", 400, "id");
    }

    @Test
    void onlyTheCoordinatorSeesTheOutbox() {
        for (String user : List.of("anna.amt50", "buero.ob", "leser")) {
            assertRefused(user, "/api/notifications/outbox", 403, null);
            assertRefused(user, "/api/notifications/outbox/" + heldInvitation, 403, null);
        }
        assertRefused("anna.amt50", "/api/notifications/outbox?status=VERLOREN", 403, null);
        assertThat(http.anonymous().get("/api/notifications/outbox").status()).isEqualTo(401);
    }

    @Test
    void oneEmailOfTheOutboxShowsItsBodiesUntilItIsSent() {
        JsonNode held = ok("koordinator", "/api/notifications/outbox/" + heldInvitation);
        assertThat(held.get("id").asLong()).isEqualTo(heldInvitation);
        assertThat(held.get("statusLabel").asText()).isEqualTo("nicht versandt (kein SMTP-Server)");
        assertThat(held.get("lastError").asText()).isEqualTo("kein SMTP-Server eingerichtet");
        assertThat(held.get("text").asText()).isEqualTo("Die Sitzung wurde verschoben.");
        assertThat(held.get("html").asText()).isEqualTo("<p>Die Sitzung wurde verschoben.</p>");
        assertThat(held.get("calendar").asText()).isEqualTo(CALENDAR);

        JsonNode sent = ok("koordinator", "/api/notifications/outbox/" + sentInvitation);
        assertThat(sent.get("status").asText()).isEqualTo("SENT");
        assertThat(sent.has("text") || sent.has("html") || sent.has("calendar")).isFalse();
        assertThat(sent.get("invitation").asBoolean()).isTrue();

        assertRefused("koordinator", "/api/notifications/outbox/999999", 404, null);
    }

    @Test
    void theAccessExportListsTheEmailsAddressedToThePersonAndNoOneElses() {
        Http.Response response = http.as("koordinator").get("/api/people/anna.amt50/export");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode notifications = response.json().get("notifications");
        assertThat(ids(notifications)).containsExactly(sentInvitation, heldInvitation);
        assertThat(notifications.at("/1/recipientAddress").asText()).isEqualTo("anna.becker@magdeburg.example");
        assertThat(notifications.at("/1/subject").asText()).isEqualTo("Verschoben: Sitzung Q1/2027");
        assertThat(notifications.at("/1/text").asText()).isEqualTo("Die Sitzung wurde verschoben.");
        assertThat(response.body()).doesNotContain("jonas.wolf@", "gast@beispiel", "Gast Müller");

        JsonNode jonas = http.as("koordinator").get("/api/people/jonas.fb32/export").json();
        assertThat(ids(jonas.get("notifications"))).containsExactly(failedAgenda, digested, digest);
    }

    @Test
    void theApiDocumentDescribesTheSettingsAndTheOutbox() {
        // the document is built on the first request, which may take long on a loaded machine
        JsonNode paths = await().atMost(Duration.ofMinutes(3)).ignoreExceptions()
                .until(() -> http.anonymous().get("/v3/api-docs"), r -> r.status() == 200).json().get("paths");
        assertThat(paths.at("/~1api~1me~1notification-settings/get/summary").asText()).isNotBlank();
        assertThat(paths.at("/~1api~1members~1{memberId}~1notification-settings/get/summary").asText()).isNotBlank();
        assertThat(paths.at("/~1api~1notifications~1outbox/get/parameters").toString()).contains("status", "page", "size");
        assertThat(paths.at("/~1api~1notifications~1outbox~1{id}/get/summary").asText()).isNotBlank();
        JsonNode schemas = http.anonymous().get("/v3/api-docs").json().at("/components/schemas");
        assertThat(schemas.at("/OutboxLetter/properties").has("subject")).as("the row's fields unwrapped").isTrue();
        assertThat(schemas.at("/OutboxLetter/properties").has("calendar")).isTrue();
    }
}
