package de.gremium.command.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.gremium.command.CommandSideApplication;
import de.gremium.events.meeting.MeetingId;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole chain on one command side: HTTP commands, their events, the notifier, the outbox in the record, the
 * postman on its schedule and an in-process SMTP server (GreenMail) that receives what people would get. The group is
 * the users file's (every demo user with an address); each test plans meetings of its own and looks only at the
 * invitations with their calendar UID, so that the tests do not depend on one another's order.
 */
class NotificationsByMailTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String KO = "koordinator";
    private static final int SMTP_PORT = TestStore.freePort();
    private static final String DATABASE = TestStore.newRecord();
    /** The members of the users file with their addresses; Jonas says never to invitations (first test). */
    private static final String KOORDINATOR = "koordination.integration@magdeburg.example";
    private static final String ANNA = "anna.becker@magdeburg.example";
    private static final String JONAS = "jonas.wolf@magdeburg.example";
    private static final String BUERO_OB = "buero.ob@magdeburg.example";

    static GreenMail smtp;
    static ConfigurableApplicationContext app;
    static Http http;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        app = startCommandSide();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        smtp.stop();
    }

    static ConfigurableApplicationContext startCommandSide() {
        List<String> args = new ArrayList<>(TestStore.common());
        args.remove("--" + TestStore.POSTMAN_OFF); // this test wants the postman's rounds (a second value would make a list)
        args.addAll(TestStore.record(DATABASE));
        args.addAll(TestStore.views(DATABASE));
        args.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT,
                "--gremium.notifications.postman.enabled=true",
                "--gremium.notifications.poll-interval=PT0.2S",
                "--gremium.notifications.retry-first=PT0.5S",
                "--gremium.notifications.retry-max=PT1S",
                "--gremium.notifications.sender=Projektgruppe Integration <gremium@magdeburg.example>"));
        ConfigurableApplicationContext context = CommandSideApplication.start(args.toArray(String[]::new));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        // the notifier starts at the record's head: it must hold its token before the tests send their commands
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = 'notifications' AND token IS NOT NULL", Integer.class) > 0);
        http = Http.on(Ports.of(context));
        return context;
    }

    // ---- what the people received -------------------------------------------------------------------------------

    /** One e-mail with an invitation: to whom, and what its calendar says. */
    record Invitation(String to, String method, String uid, int sequence, String subject) {
    }

    static List<Invitation> invitations(MeetingId meeting) {
        List<Invitation> invitations = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                String ics = calendarPart(message);
                if (ics == null) {
                    continue;
                }
                Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
                VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
                String uid = event.getProperty("UID").orElseThrow().getValue();
                if (!uid.equals(meeting.calendarUid())) {
                    continue;
                }
                invitations.add(new Invitation(to(message), calendar.getProperty("METHOD").orElseThrow().getValue(), uid,
                        Integer.parseInt(event.getProperty("SEQUENCE").orElseThrow().getValue()), message.getSubject()));
            } catch (Exception e) {
                throw new IllegalStateException("an e-mail that cannot be read: " + e.getMessage(), e);
            }
        }
        return invitations;
    }

    /** Every address GreenMail received an e-mail for, once per e-mail. */
    static List<String> allRecipients() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            recipients.add(to(message));
        }
        return recipients;
    }

    static String to(MimeMessage message) throws Exception {
        Address[] to = message.getRecipients(MimeMessage.RecipientType.TO);
        assertThat(to).as("one recipient per e-mail").hasSize(1);
        return ((InternetAddress) to[0]).getAddress();
    }

    /** The text/calendar part of a message (searched through its multiparts), or null. */
    static String calendarPart(Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = calendarPart(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    // ---- commands over HTTP -------------------------------------------------------------------------------------

    static Http.Response post(String path, Object body) {
        Http.Response response = http.as(KO).post(path, body);
        assertThat(response.status()).as("POST " + path + ": " + response).isBetween(200, 299);
        return response;
    }

    /** A start in a quarter some months ahead, at 10:00 in Berlin, plus {@code days}. */
    static ZonedDateTime startPlus(int days) {
        LocalDate ahead = LocalDate.now(BERLIN).plusMonths(4);
        LocalDate firstOfQuarter = LocalDate.of(ahead.getYear(), (ahead.getMonthValue() - 1) / 3 * 3 + 1, 1);
        return ZonedDateTime.of(firstOfQuarter.plusDays(30 + days), LocalTime.of(10, 0), BERLIN);
    }

    static MeetingId planMeeting(String title) {
        ZonedDateTime start = startPlus(0);
        String id = post("/api/meetings", Map.of("year", start.getYear(), "quarter", (start.getMonthValue() - 1) / 3 + 1,
                "kind", "EXTRA", "title", title + " " + UUID.randomUUID().toString().substring(0, 8), "durationMinutes", 60))
                .json().get("id").asText();
        return new MeetingId(id);
    }

    static void schedule(MeetingId meeting, int days) {
        post("/api/meetings/" + meeting.value() + "/schedule", Map.of("start", iso(startPlus(days)), "location", "Altes Rathaus",
                "override", Map.of("reason", "Test: der gesperrte Kalender ist hier nicht das Thema")));
    }

    static String iso(ZonedDateTime time) {
        return time.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    // ---- the record ---------------------------------------------------------------------------------------------

    static JdbcTemplate jdbc() {
        return app.getBean(JdbcTemplate.class);
    }

    static TrackingEventProcessor notifier() {
        return app.getBean(EventProcessingConfiguration.class)
                .eventProcessor(Notifier.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
    }

    static void awaitNotifierCaughtUp() {
        TrackingToken head = app.getBean(EventStore.class).createHeadToken();
        TrackingEventProcessor processor = notifier();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(processor.processingStatus().values())
                .isNotEmpty().allSatisfy(status -> assertThat(status.getTrackingToken())
                        .matches(token -> token != null && token.covers(head), "has handled the record up to " + head)));
    }

    /** The notifier has handled everything and the postman has nothing left to send now. */
    static void awaitAllDelivered() {
        awaitNotifierCaughtUp();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc().queryForObject("""
                SELECT count(*) FROM notification_outbox WHERE delivery = 'IMMEDIATELY' AND status IN ('PENDING', 'SENDING')""",
                Integer.class) == 0);
    }

    static int outboxRows() {
        return jdbc().queryForObject("SELECT count(*) FROM notification_outbox", Integer.class);
    }

    // ---- the tests ----------------------------------------------------------------------------------------------

    @Test
    void theRightPeopleGetOneInvitationEachThatCalendarProgramsUpdateOnRescheduleAndCancellation() throws Exception {
        Http.Response never = http.as("jonas.fb32").send("PUT", "/api/members/jonas.fb32/notification-settings", "application/json",
                "{\"deliveries\": {\"MEETING_INVITATIONS\": \"NEVER\"}}".getBytes(StandardCharsets.UTF_8));
        assertThat(never.status()).as(never.toString()).isEqualTo(204);
        MeetingId meeting = planMeeting("Sprachkurse");
        post("/api/meetings/" + meeting.value() + "/guests", Map.of("name", "Erika Mustermann", "organisation", "Jobcenter",
                "email", "erika.mustermann@jobcenter.example"));
        post("/api/meetings/" + meeting.value() + "/guests", Map.of("name", "Ohne Adresse", "organisation", "Kammer"));

        schedule(meeting, 0);

        List<String> invited = List.of(KOORDINATOR, ANNA, BUERO_OB, "erika.mustermann@jobcenter.example");
        await().atMost(Duration.ofSeconds(60)).until(() -> invitations(meeting).size() >= invited.size());
        awaitAllDelivered();
        assertThat(invitations(meeting)).as("Jonas chose never; the guest without an address gets nothing")
                .extracting(Invitation::to).containsExactlyInAnyOrderElementsOf(invited);
        assertThat(invitations(meeting)).allSatisfy(invitation -> {
            assertThat(invitation.method()).isEqualTo("REQUEST");
            assertThat(invitation.uid()).isEqualTo(meeting.calendarUid());
            assertThat(invitation.sequence()).isZero();
            assertThat(invitation.subject()).startsWith("Einladung: Sondersitzung: Sprachkurse ");
        });

        post("/api/meetings/" + meeting.value() + "/reschedule", Map.of("start", iso(startPlus(1)), "location", "Raum 2",
                "reason", "Raum belegt", "override", Map.of("reason", "Test")));

        await().atMost(Duration.ofSeconds(60)).until(() -> invitations(meeting).size() >= 2 * invited.size());
        awaitAllDelivered();
        List<Invitation> updates = invitations(meeting).stream().filter(i -> i.sequence() > 0).toList();
        assertThat(updates).extracting(Invitation::to).containsExactlyInAnyOrderElementsOf(invited);
        assertThat(updates).allSatisfy(update -> {
            assertThat(update.method()).isEqualTo("REQUEST");
            assertThat(update.uid()).as("the same entry in the calendar").isEqualTo(meeting.calendarUid());
            assertThat(update.sequence()).isEqualTo(1);
        });

        post("/api/meetings/" + meeting.value() + "/cancellation", Map.of("reason", "Thema erledigt"));

        await().atMost(Duration.ofSeconds(60)).until(() -> invitations(meeting).size() >= 3 * invited.size());
        awaitAllDelivered();
        List<Invitation> cancellations = invitations(meeting).stream().filter(i -> i.method().equals("CANCEL")).toList();
        assertThat(cancellations).extracting(Invitation::to).containsExactlyInAnyOrderElementsOf(invited);
        assertThat(cancellations).allSatisfy(cancellation -> {
            assertThat(cancellation.uid()).isEqualTo(meeting.calendarUid());
            assertThat(cancellation.sequence()).isEqualTo(2);
        });
        assertThat(invitations(meeting)).as("three e-mails to each, no more").hasSize(3 * invited.size());
        assertThat(allRecipients()).doesNotContain(JONAS);
    }

    @Test
    void aRestartOfTheCommandSideAndAReplayOfTheNotifierSendNothingTwice() throws Exception {
        MeetingId meeting = planMeeting("Wohnen");
        schedule(meeting, 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> invitations(meeting).stream().anyMatch(i -> i.to().equals(ANNA)));
        awaitAllDelivered();
        int mails = smtp.getReceivedMessages().length;
        int rows = outboxRows();
        assertThat(invitations(meeting)).extracting(Invitation::to).contains(KOORDINATOR, ANNA, BUERO_OB).doesNotHaveDuplicates();

        app.close();
        app = startCommandSide();
        awaitAllDelivered();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
                .until(() -> smtp.getReceivedMessages().length == mails && outboxRows() == rows);

        TrackingEventProcessor processor = notifier();
        processor.shutDown();
        processor.resetTokens(source -> source.createTailToken());
        processor.start();
        awaitAllDelivered();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
                .until(() -> smtp.getReceivedMessages().length == mails && outboxRows() == rows);
        assertThat(invitations(meeting)).extracting(Invitation::to).doesNotHaveDuplicates();
        assertThat(jdbc().queryForObject("SELECT count(*) FROM notification_outbox WHERE status = 'SENT'", Integer.class))
                .as("the replay met every letter already in the outbox").isEqualTo(rows);
    }

    @Test
    void anSmtpOutageDelaysTheInvitationsAndWhenTheServerIsBackEachArrivesOnce() throws Exception {
        smtp.stop();
        try {
            MeetingId meeting = planMeeting("Bildung");
            schedule(meeting, 3);
            String subject = "Einladung: Sondersitzung: Bildung %";

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc().queryForList("""
                    SELECT status, attempts, last_error FROM notification_outbox WHERE subject LIKE ? AND recipient_address = ?""",
                    subject, ANNA)).singleElement().satisfies(row -> {
                        assertThat(row).containsEntry("status", "PENDING");
                        assertThat((Integer) row.get("attempts")).as("tried again after the first failure").isGreaterThanOrEqualTo(2);
                        assertThat((String) row.get("last_error")).isNotBlank().doesNotContain("\tat ");
                    }));
            assertThat(invitations(meeting)).isEmpty();
            int waiting = jdbc().queryForObject("SELECT count(*) FROM notification_outbox WHERE subject LIKE ?", Integer.class, subject);

            smtp.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> invitations(meeting).size() >= waiting);
            awaitAllDelivered();
            assertThat(invitations(meeting)).extracting(Invitation::to).hasSize(waiting).doesNotHaveDuplicates()
                    .contains(KOORDINATOR, ANNA, BUERO_OB);
            assertThat(jdbc().queryForList("SELECT status FROM notification_outbox WHERE subject LIKE ?", String.class, subject))
                    .hasSize(waiting).containsOnly("SENT");
        } finally {
            if (!smtp.isRunning()) {
                smtp.start();
            }
        }
    }

    @Test
    void anErasedPersonGetsNothingAndTheirAddressIsNowhereInTheRecord() throws Exception {
        String erik = "erik.sommer." + UUID.randomUUID().toString().substring(0, 6) + "@magdeburg.example";
        String erikId = "erik." + UUID.randomUUID().toString().substring(0, 6);
        post("/api/group/members", Map.of("memberId", erikId, "name", "Erik Sommer", "unit", "Amt 50", "email", erik));
        MeetingId before = planMeeting("Arbeitsmarkt");
        schedule(before, 4);
        await().atMost(Duration.ofSeconds(60)).until(() -> invitations(before).stream().anyMatch(i -> i.to().equals(erik)));
        awaitAllDelivered();

        post("/api/group/members/" + erikId + "/withdrawal", Map.of("reason", "Wechsel in ein anderes Amt"));
        post("/api/people/" + erikId + "/erasure", Map.of());
        MeetingId after = planMeeting("Kitaplätze");
        schedule(after, 5);
        post("/api/meetings/" + before.value() + "/cancellation", Map.of("reason", "verlegt"));

        await().atMost(Duration.ofSeconds(60)).until(() -> invitations(after).stream().anyMatch(i -> i.to().equals(ANNA))
                && invitations(before).stream().anyMatch(i -> i.to().equals(ANNA) && i.method().equals("CANCEL")));
        awaitAllDelivered();
        assertThat(invitations(after)).extracting(Invitation::to).doesNotContain(erik);
        assertThat(invitations(before)).filteredOn(i -> i.to().equals(erik)).as("only the invitation before the erasure")
                .singleElement().satisfies(i -> assertThat(i.method()).isEqualTo("REQUEST"));
        assertThat(placesOf(ANNA)).as("the scan does find an address where it is kept (a sent letter's recipient)")
                .anyMatch(place -> place.startsWith("notification_outbox.recipient_address "));
        assertThat(placesOf(erik)).as("tables and columns that hold the address").isEmpty();
        assertThat(placesOf("Erik Sommer")).as("tables and columns that hold the name").isEmpty();
    }

    /**
     * Every column of the record's tables that holds {@code text} in clear: text columns directly, binary ones (the
     * serialized events, tokens, snapshots) as UTF-8 bytes.
     */
    static List<String> placesOf(String text) {
        List<Map<String, Object>> columns = jdbc().queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'bytea', 'jsonb', 'json')""");
        List<String> places = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = "\"" + column.get("table_name") + "\"";
            String name = "\"" + column.get("column_name") + "\"";
            String condition = "bytea".equals(column.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') in " + name + ") > 0"
                    : "strpos(" + name + "::text, ?) > 0";
            Integer hits = jdbc().queryForObject("SELECT count(*) FROM " + table + " WHERE " + condition, Integer.class, text);
            if (hits > 0) {
                places.add(column.get("table_name") + "." + column.get("column_name") + " (" + hits + ")");
            }
        }
        return places;
    }
}
