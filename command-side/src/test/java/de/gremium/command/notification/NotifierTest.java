package de.gremium.command.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.gremium.command.CommandSideApplication;
import de.gremium.events.group.CoordinatorRoleAssigned;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.events.group.NotificationDelivery;
import de.gremium.events.group.NotificationKind;
import de.gremium.events.group.NotificationSettingsChosen;
import de.gremium.events.meeting.AgendaItemAdded;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.Guest;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.meeting.GuestInvited;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.problem.ProblemReportAcknowledged;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.problem.SolutionProposalId;
import de.gremium.events.problem.SolutionProposed;
import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.events.scheduling.Availability;
import de.gremium.events.scheduling.CandidateSlot;
import de.gremium.events.scheduling.SchedulingPollAnswered;
import de.gremium.events.scheduling.SchedulingPollId;
import de.gremium.events.scheduling.SchedulingPollOpened;
import de.gremium.platform.privacy.PersonalDataKeys;
import de.gremium.platform.testing.TestStore;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The notifier against a real record: events appended to it become outbox rows (what the postman would send) and
 * timers. The group here has only the members these tests appoint (the users file's are not appointed), so that every
 * row is accounted for. Timers are fired by the tests at chosen instants (the poller is off).
 */
class NotifierTest {

    private static final GroupId G = GroupId.PROJEKTGRUPPE_INTEGRATION;
    private static final String KO = "koordinator";
    private static final String DATABASE = TestStore.newRecord();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);

    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        app = startOn(DATABASE);
        append("WorkingGroup", G.value(),
                new MemberAppointed(G, new MemberId("lena.amt50"), "Lena Schulz", "Amt 50", KO, NOW, "lena.schulz@magdeburg.example"),
                new MemberAppointed(G, new MemberId("tom.fb32"), "Tom <b>Krause</b>", "FB 32", KO, NOW, "tom.krause@magdeburg.example"),
                new MemberAppointed(G, new MemberId("ute.amt61"), "Ute Lang", "Amt 61", KO, NOW, null),
                new MemberAppointed(G, new MemberId("kai.amt16"), "Kai Otto", "Amt 16", KO, NOW, "kai.otto@magdeburg.example"),
                new MemberAppointed(G, new MemberId("max.amt51"), "Max Weber", "Amt 51", KO, NOW, "max.weber@magdeburg.example"),
                new MemberWithdrew(G, new MemberId("max.amt51"), "Wechsel", KO, NOW),
                new CoordinatorRoleAssigned(G, new MemberId("lena.amt50"), KO, NOW),
                new NotificationSettingsChosen(G, new MemberId("tom.fb32"), Map.of(
                        NotificationKind.SCHEDULING_POLLS, NotificationDelivery.NEVER,
                        NotificationKind.MEETING_INVITATIONS, NotificationDelivery.WEEKLY_DIGEST), "tom.fb32", NOW));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static ConfigurableApplicationContext startOn(String database) {
        List<String> args = new ArrayList<>(TestStore.common());
        args.addAll(TestStore.record(database));
        args.addAll(TestStore.views(database));
        args.addAll(List.of("--gremium.constitution.appoint-users-file-members=false",
                "--gremium.notifications.timers.enabled=false",
                "--gremium.notifications.intranet-url=https://intranet.magdeburg.example/",
                "--gremium.notifications.sender=Projektgruppe Integration <gremium@magdeburg.example>"));
        ConfigurableApplicationContext context = CommandSideApplication.start(args.toArray(String[]::new));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        // the notifier starts at the record's head: it must hold its token before the tests write their events
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = 'notifications' AND token IS NOT NULL", Integer.class) > 0);
        return context;
    }

    static void append(String type, String aggregateId, Object... payloads) {
        EventStore store = app.getBean(EventStore.class);
        for (Object payload : payloads) {
            long next = store.lastSequenceNumberFor(aggregateId).map(s -> s + 1).orElse(0L);
            store.publish(new GenericDomainEventMessage<>(type, aggregateId, next, payload));
        }
    }

    static void awaitCaughtUp() {
        TrackingToken head = app.getBean(EventStore.class).createHeadToken();
        TrackingEventProcessor processor = notifier();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(processor.processingStatus().values())
                .isNotEmpty().allSatisfy(status -> assertThat(status.getTrackingToken())
                        .matches(token -> token != null && token.covers(head), "has handled the record up to " + head)));
    }

    static TrackingEventProcessor notifier() {
        return app.getBean(EventProcessingConfiguration.class)
                .eventProcessor(Notifier.PROCESSING_GROUP, TrackingEventProcessor.class).orElseThrow();
    }

    static List<Map<String, Object>> rows(String causeEventId) {
        return app.getBean(JdbcTemplate.class).queryForList("""
                SELECT dedup_key, kind, recipient_id, recipient_address, delivery, subject, text_body, html_body, calendar
                FROM notification_outbox WHERE cause_event_id = ? ORDER BY recipient_id, kind""", causeEventId);
    }

    static List<Map<String, Object>> rowsOfTimer(String timerKey) {
        return app.getBean(JdbcTemplate.class).queryForList("""
                SELECT dedup_key, kind, recipient_id, recipient_address, delivery, subject, text_body, calendar
                FROM notification_outbox WHERE dedup_key LIKE ? ORDER BY recipient_id""", timerKey + "/%");
    }

    static int allRows() {
        return app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM notification_outbox", Integer.class);
    }

    /** The identifier of the last event of the aggregate (the cause of its letters). */
    static String lastEventId(String aggregateId) {
        return app.getBean(EventStore.class).readEvents(aggregateId, 0L).asStream().reduce((a, b) -> b).orElseThrow()
                .getIdentifier();
    }

    static MeetingId plannedMeeting(String title) {
        MeetingId meeting = new MeetingId("extra-" + UUID.randomUUID());
        append("Meeting", meeting.value(), new MeetingPlanned(meeting, 2027, 1, MeetingKind.EXTRA, title, 60, KO, NOW));
        return meeting;
    }

    static Guest guest(String name, String email) {
        return new Guest(new GuestId(UUID.randomUUID().toString()), name, "Jobcenter", email);
    }

    static Calendar parse(Object calendar) throws Exception {
        return new CalendarBuilder().build(new StringReader((String) calendar));
    }

    @Test
    void aPollGoesToEveryActiveMemberWithAnAddressWhoWantsItOnceWithTheCandidatesAndTheDeadline() {
        MeetingId meeting = plannedMeeting("Arbeitsmarkt & Sprache");
        SchedulingPollId poll = new SchedulingPollId(UUID.randomUUID().toString());
        Instant first = NOW.plus(Duration.ofDays(30));
        append("SchedulingPoll", poll.value(), new SchedulingPollOpened(poll, meeting, List.of(
                new CandidateSlot("c1", first, first.plus(Duration.ofHours(1)), true, List.of()),
                new CandidateSlot("c2", first.plus(Duration.ofDays(1)), first.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)), true,
                        List.of())), KO, NOW, NOW.plus(Duration.ofDays(10))));
        String cause = lastEventId(poll.value());

        await().atMost(Duration.ofSeconds(60)).until(() -> !rows(cause).isEmpty());
        awaitCaughtUp();

        List<Map<String, Object>> rows = rows(cause);
        assertThat(rows).extracting(r -> r.get("recipient_id")).as("Tom chose never, Ute has no address, Max withdrew")
                .containsExactly("kai.amt16", "lena.amt50");
        assertThat(rows.get(1)).satisfies(row -> {
            assertThat(row).containsEntry("recipient_id", "lena.amt50")
                    .containsEntry("recipient_address", "lena.schulz@magdeburg.example")
                    .containsEntry("kind", "SCHEDULING_POLLS").containsEntry("delivery", "IMMEDIATELY")
                    .containsEntry("dedup_key", cause + "/SCHEDULING_POLLS/lena.amt50");
            String dueBy = NOW.plus(Duration.ofDays(10)).atZone(ZoneId.of("Europe/Berlin")).toLocalDate()
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM."));
            assertThat((String) row.get("subject"))
                    .isEqualTo("Terminumfrage: Sondersitzung: Arbeitsmarkt & Sprache – bitte bis " + dueBy + " antworten");
            assertThat((String) row.get("text_body")).contains("Guten Tag Lena Schulz,")
                    .contains("https://intranet.magdeburg.example/terminumfragen/" + poll.value())
                    .contains("https://intranet.magdeburg.example/benachrichtigungen").contains("Bitte antworten Sie bis");
            assertThat((String) row.get("html_body")).contains("Arbeitsmarkt &amp; Sprache").doesNotContain("Arbeitsmarkt & Sprache")
                    .doesNotContain("<img");
            assertThat(row.get("calendar")).isNull();
        });
        assertThat(app.getBean(JdbcTemplate.class).queryForList(
                "SELECT kind FROM notification_timer WHERE subject_id = ?", String.class, poll.value())).containsExactly("POLL_REMINDER");
    }

    @Test
    void aScheduledMeetingInvitesMembersAndGuestsAsTheyChoseAndTheGuestIsToldWhy() throws Exception {
        MeetingId meeting = plannedMeeting("Sprachkurse");
        Guest guest = guest("Dr. Erika <Mustermann>", "erika.mustermann@jobcenter.example");
        append("Meeting", meeting.value(), new GuestInvited(meeting, guest, KO, NOW),
                new GuestInvited(meeting, guest("Ohne Adresse", null), KO, NOW));
        Instant start = NOW.plus(Duration.ofDays(20));
        append("Meeting", meeting.value(), new MeetingScheduled(meeting, start, start.plus(Duration.ofHours(1)), "Altes Rathaus", KO, NOW));
        String cause = lastEventId(meeting.value());

        await().atMost(Duration.ofSeconds(60)).until(() -> rows(cause).size() >= 4);
        awaitCaughtUp();

        List<Map<String, Object>> rows = rows(cause);
        assertThat(rows).extracting(r -> r.get("recipient_id") + " " + r.get("delivery")).containsExactly(
                "guest:" + guest.guestId().value() + " IMMEDIATELY", "kai.amt16 IMMEDIATELY", "lena.amt50 IMMEDIATELY",
                "tom.fb32 WEEKLY_DIGEST");
        Map<String, Object> toGuest = rows.get(0);
        assertThat((String) toGuest.get("text_body")).contains("als Gast").doesNotContain("/benachrichtigungen");
        assertThat((String) toGuest.get("html_body")).contains("Dr. Erika &lt;Mustermann&gt;");
        assertThat((String) rows.get(3).get("html_body")).contains("Tom &lt;b&gt;Krause&lt;/b&gt;").doesNotContain("<b>Krause");
        for (Map<String, Object> row : rows) {
            assertThat((String) row.get("subject")).startsWith("Einladung: Sondersitzung: Sprachkurse am ");
            VEvent event = parse(row.get("calendar")).getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
            assertThat(parse(row.get("calendar")).getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
            assertThat(event.getProperty("ATTENDEE").orElseThrow().getValue()).isEqualTo("mailto:" + row.get("recipient_address"));
            assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:gremium@magdeburg.example");
        }
        assertThat(app.getBean(JdbcTemplate.class).queryForList("SELECT dedup_key FROM notification_timer WHERE subject_id = ?",
                String.class, meeting.value())).containsExactly("AGENDA/" + meeting.value() + "/" + start);
    }

    @Test
    void aRescheduleKeepsTheUidWithAHigherSequenceAndACancellationIsMethodCancel() throws Exception {
        MeetingId meeting = plannedMeeting("Wohnen");
        Instant start = NOW.plus(Duration.ofDays(40));
        append("Meeting", meeting.value(), new MeetingScheduled(meeting, start, start.plus(Duration.ofHours(1)), "Raum 1", KO, NOW));
        String scheduled = lastEventId(meeting.value());
        append("Meeting", meeting.value(), new MeetingRescheduled(meeting, start.plus(Duration.ofDays(1)),
                start.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)), "Raum 2", "Raum belegt", KO, NOW));
        String rescheduled = lastEventId(meeting.value());
        append("Meeting", meeting.value(), new MeetingCancelled(meeting, "Thema erledigt", KO, NOW));
        String cancelled = lastEventId(meeting.value());

        await().atMost(Duration.ofSeconds(60)).until(() -> !rows(cancelled).isEmpty());

        Calendar first = parse(rows(scheduled).get(0).get("calendar"));
        Calendar moved = parse(rows(rescheduled).get(0).get("calendar"));
        Calendar off = parse(rows(cancelled).get(0).get("calendar"));
        assertThat(List.of(first, moved, off)).extracting(c -> c.getProperty("METHOD").orElseThrow().getValue())
                .containsExactly("REQUEST", "REQUEST", "CANCEL");
        assertThat(List.of(first, moved, off)).extracting(c -> event(c).getProperty("UID").orElseThrow().getValue())
                .containsOnly(meeting.calendarUid());
        assertThat(List.of(first, moved, off)).extracting(c -> event(c).getProperty("SEQUENCE").orElseThrow().getValue())
                .containsExactly("0", "1", "2");
        assertThat(event(moved).getProperty("LOCATION").orElseThrow().getValue()).isEqualTo("Raum 2");
        assertThat(event(off).getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat((String) rows(rescheduled).get(0).get("subject")).startsWith("Verschoben: ");
        assertThat((String) rows(cancelled).get(0).get("subject")).startsWith("Abgesagt: ");
        assertThat((String) rows(cancelled).get(0).get("text_body")).contains("Grund: Thema erledigt");
    }

    private static VEvent event(Calendar calendar) {
        return calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
    }

    @Test
    void theAuthorHearsWhatHappensToTheirReportButNotOfWhatTheyDidThemselves() {
        ProblemReportId report = new ProblemReportId(UUID.randomUUID().toString());
        append("ProblemReport", report.value(), new ProblemReportSubmitted(report, "Faxgerät <defekt>", "Beschreibung", "Amt 50",
                Set.of(), "lena.amt50", NOW));
        append("ProblemReport", report.value(), new SolutionProposed(report, new SolutionProposalId(UUID.randomUUID().toString()),
                "selbst gelöst", "lena.amt50", NOW));
        String own = lastEventId(report.value());
        append("ProblemReport", report.value(), new ProblemReportAcknowledged(report, "Wir kümmern uns.", KO, NOW));
        String acknowledged = lastEventId(report.value());

        await().atMost(Duration.ofSeconds(60)).until(() -> !rows(acknowledged).isEmpty());
        awaitCaughtUp();

        assertThat(rows(own)).isEmpty();
        assertThat(rows(acknowledged)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("recipient_id", "lena.amt50").containsEntry("kind", "MY_REPORTS");
            assertThat((String) row.get("subject")).isEqualTo("Ihre Problemanzeige „Faxgerät <defekt>“ wurde aufgenommen");
            assertThat((String) row.get("html_body")).contains("Faxgerät &lt;defekt&gt;").contains("Wir kümmern uns.");
        });
    }

    @Test
    void aDecisionGoesToTheMembersAndADeferredOneRemindsTheCoordinatorOnItsReviewDate() {
        RecommendationId recommendation = new RecommendationId(UUID.randomUUID().toString());
        LocalDate reviewDate = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(60);
        append("Recommendation", recommendation.value(), new RecommendationFormulated(recommendation, null, null, null,
                "Sprachkurse ausbauen", Set.of(), List.of(), List.of(), KO, NOW));
        append("Recommendation", recommendation.value(), new MayorsDecisionRecorded(recommendation, MayorsDecision.DEFERRED,
                "Haushalt abwarten", reviewDate, "buero.ob", NOW));
        String decided = lastEventId(recommendation.value());

        await().atMost(Duration.ofSeconds(60)).until(() -> rows(decided).size() >= 3);
        awaitCaughtUp();

        assertThat(rows(decided)).extracting(r -> r.get("recipient_id") + " " + r.get("kind"))
                .containsExactly("kai.amt16 DECISIONS", "lena.amt50 DECISIONS", "tom.fb32 DECISIONS");
        assertThat((String) rows(decided).get(0).get("subject"))
                .isEqualTo("Entscheidung des Oberbürgermeisters: Empfehlung „Sprachkurse ausbauen“ zurückgestellt");
        Instant due = reviewDate.atTime(8, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();
        String timer = "REVIEW_DATE/" + recommendation.value() + "/" + due;
        DueTimers timers = app.getBean(DueTimers.class);

        timers.fireDue(due.minusSeconds(1));
        assertThat(rowsOfTimer(timer)).as("not yet due").isEmpty();
        timers.fireDue(due);

        assertThat(rowsOfTimer(timer)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("recipient_id", "lena.amt50").containsEntry("kind", "REVIEW_DATES");
            assertThat((String) row.get("subject")).startsWith("Wiedervorlage: zurückgestellte Empfehlung");
        });
        assertThat(outcome(timer)).isEqualTo("1 E-Mail");
        assertThat(timers.fireDue(due.plus(Duration.ofDays(1)))).as("a handled timer is not handled again").isZero();
    }

    @Test
    void aPollReminderGoesToThoseWhoHaveNotAnsweredWhenItIsDue() {
        SchedulingPollId poll = new SchedulingPollId(UUID.randomUUID().toString());
        Instant dueBy = NOW.plus(Duration.ofDays(10));
        Instant first = NOW.plus(Duration.ofDays(30));
        append("SchedulingPoll", poll.value(), new SchedulingPollOpened(poll, plannedMeeting("Bildung"),
                List.of(new CandidateSlot("c1", first, first.plus(Duration.ofHours(1)), true, List.of())), KO, NOW, dueBy),
                new SchedulingPollAnswered(poll, new MemberId("lena.amt50"), Map.of("c1", Availability.YES), NOW));
        String timer = "POLL_REMINDER/" + poll.value() + "/" + dueBy;
        await().atMost(Duration.ofSeconds(60)).until(() -> timerExists(timer));

        app.getBean(DueTimers.class).fireDue(dueBy.minus(Duration.ofDays(2)));

        assertThat(rowsOfTimer(timer)).extracting(r -> r.get("recipient_id")).containsExactly("kai.amt16");
        assertThat((String) rowsOfTimer(timer).get(0).get("subject")).startsWith("Erinnerung – Terminumfrage: Sondersitzung: Bildung");
        assertThat(outcome(timer)).isEqualTo("1 E-Mail");
    }

    @Test
    void theAgendaGoesOutBeforeTheMeetingAndAMovedMeetingsOldTimerSendsNothing() {
        MeetingId meeting = plannedMeeting("Integrationskurse");
        Guest guest = guest("Gast Eins", "gast.eins@example.org");
        Instant start = NOW.plus(Duration.ofDays(20));
        Instant moved = start.plus(Duration.ofDays(5));
        append("Meeting", meeting.value(), new GuestInvited(meeting, guest, KO, NOW),
                new MeetingScheduled(meeting, start, start.plus(Duration.ofHours(1)), "Raum 3", KO, NOW),
                new AgendaItemAdded(meeting, new AgendaItemId("a1"), new AgendaTopic(AgendaTopicKind.FREE, null, "Bericht <Kita>"), 0, KO, NOW),
                new MeetingRescheduled(meeting, moved, moved.plus(Duration.ofHours(1)), "Raum 3", "Ferien", KO, NOW));
        String oldTimer = "AGENDA/" + meeting.value() + "/" + start;
        String newTimer = "AGENDA/" + meeting.value() + "/" + moved;
        await().atMost(Duration.ofSeconds(60)).until(() -> timerExists(newTimer));
        DueTimers timers = app.getBean(DueTimers.class);

        timers.fireDue(start.minus(Duration.ofDays(7)));
        assertThat(outcome(oldTimer)).isEqualTo("verschoben");
        assertThat(rowsOfTimer(oldTimer)).isEmpty();
        assertThat(outcomeOrNull(newTimer)).as("not due yet").isNull();

        timers.fireDue(moved.minus(Duration.ofDays(7)));

        assertThat(rowsOfTimer(newTimer)).extracting(r -> r.get("recipient_id") + " " + r.get("kind")).containsExactly(
                "guest:" + guest.guestId().value() + " AGENDAS", "kai.amt16 AGENDAS", "lena.amt50 AGENDAS", "tom.fb32 AGENDAS");
        assertThat((String) rowsOfTimer(newTimer).get(2).get("text_body")).contains("TOP 1: Bericht <Kita> (freies Thema)");
        assertThat(outcome(newTimer)).isEqualTo("4 E-Mails");
    }

    @Test
    void theMinutesGoToTheMembersAndTheGuestsOfThatMeeting() {
        MeetingId meeting = plannedMeeting("Kitaplätze");
        Guest guest = guest("Gast Zwei", "gast.zwei@example.org");
        append("Meeting", meeting.value(), new GuestInvited(meeting, guest, KO, NOW),
                new MeetingHeld(meeting, List.of(new MemberId("lena.amt50")), List.of(guest.guestId()), "Beschlossen: mehr Plätze.",
                        List.of(), KO, NOW));
        String held = lastEventId(meeting.value());

        await().atMost(Duration.ofSeconds(60)).until(() -> rows(held).size() >= 4);
        awaitCaughtUp();

        assertThat(rows(held)).extracting(r -> r.get("recipient_id") + " " + r.get("kind")).containsExactly(
                "guest:" + guest.guestId().value() + " MINUTES", "kai.amt16 MINUTES", "lena.amt50 MINUTES", "tom.fb32 MINUTES");
        assertThat((String) rows(held).get(2).get("text_body")).contains("Beschlossen: mehr Plätze.")
                .contains("(anwesend: 1 Mitglied, 1 Gast)");
    }

    @Test
    void anEventOlderThanTheMaximumAgeTellsNoOne() {
        MeetingId meeting = plannedMeeting("Altlasten");
        Instant start = NOW.plus(Duration.ofDays(20));
        EventStore store = app.getBean(EventStore.class);
        long next = store.lastSequenceNumberFor(meeting.value()).orElseThrow() + 1;
        String id = UUID.randomUUID().toString();
        store.publish(new GenericDomainEventMessage<>("Meeting", meeting.value(), next,
                new MeetingScheduled(meeting, start, start.plus(Duration.ofHours(1)), "Raum", KO, NOW),
                org.axonframework.messaging.MetaData.emptyInstance(), id, Instant.now().minus(Duration.ofDays(2))));

        awaitCaughtUp();

        assertThat(rows(id)).isEmpty();
        assertThat(timerExists("AGENDA/" + meeting.value() + "/" + start)).isFalse();
    }

    @Test
    void aResetOfTheNotifierAndARestartAddNothingAndAnErasedPersonGetsNothing() {
        // something to replay: a decision to everyone
        RecommendationId recommendation = new RecommendationId(UUID.randomUUID().toString());
        append("Recommendation", recommendation.value(), new RecommendationFormulated(recommendation, null, null, null,
                "Beratung stärken", Set.of(), List.of(), List.of(), KO, NOW),
                new MayorsDecisionRecorded(recommendation, MayorsDecision.ACCEPTED, "gut", null, "buero.ob", NOW));
        String decided = lastEventId(recommendation.value());
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(decided).size() >= 3);
        awaitCaughtUp();
        int before = allRows();

        TrackingEventProcessor processor = notifier();
        processor.shutDown();
        processor.resetTokens(source -> source.createTailToken());
        processor.start();
        awaitCaughtUp();
        assertThat(allRows()).as("every event again, every letter already there").isEqualTo(before);

        app.close();
        app = startOn(DATABASE);
        awaitCaughtUp();
        assertThat(allRows()).as("a restart goes on where the token was").isEqualTo(before);

        // Max (withdrawn) is erased; his address goes from the outbox with him (Erasures calls Outbox.forget)
        new org.springframework.transaction.support.TransactionTemplate(
                app.getBean(org.springframework.transaction.PlatformTransactionManager.class)).executeWithoutResult(
                        status -> app.getBean(PersonalDataKeys.class).erasePerson("max.amt51"));
        app.getBean(Outbox.class).forget("max.amt51");
        // and appointed again under his user id, with an address, then erased while appointed: he reads as a placeholder
        append("WorkingGroup", G.value(), new MemberAppointed(G, new MemberId("max.amt51"), "Max Weber", "Amt 51", KO, NOW,
                "max.weber@magdeburg.example"));
        new org.springframework.transaction.support.TransactionTemplate(
                app.getBean(org.springframework.transaction.PlatformTransactionManager.class)).executeWithoutResult(
                        status -> app.getBean(PersonalDataKeys.class).erasePerson("max.amt51"));
        app.getBean(Outbox.class).forget("max.amt51");
        RecommendationId later = new RecommendationId(UUID.randomUUID().toString());
        append("Recommendation", later.value(), new RecommendationFormulated(later, null, null, null, "Noch eine", Set.of(),
                List.of(), List.of(), KO, NOW), new MayorsDecisionRecorded(later, MayorsDecision.REJECTED, "nein", null, "buero.ob", NOW));
        String laterDecided = lastEventId(later.value());

        await().atMost(Duration.ofSeconds(60)).until(() -> !rows(laterDecided).isEmpty());
        awaitCaughtUp();

        assertThat(rows(laterDecided)).extracting(r -> r.get("recipient_id")).doesNotContain("max.amt51")
                .contains("lena.amt50", "tom.fb32");
        assertThat(app.getBean(JdbcTemplate.class).queryForObject("""
                SELECT count(*) FROM notification_outbox WHERE recipient_address LIKE '%max.weber%' OR text_body LIKE '%max.weber%'
                    OR html_body LIKE '%max.weber%' OR calendar LIKE '%max.weber%' OR recipient_name LIKE '%Max Weber%'""",
                Integer.class)).isZero();
    }

    private static boolean timerExists(String key) {
        return app.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM notification_timer WHERE dedup_key = ?",
                Integer.class, key) > 0;
    }

    private static String outcomeOrNull(String key) {
        List<String> outcomes = app.getBean(JdbcTemplate.class).queryForList(
                "SELECT outcome FROM notification_timer WHERE dedup_key = ?", String.class, key);
        return outcomes.isEmpty() ? null : outcomes.get(0);
    }

    private static String outcome(String key) {
        String outcome = outcomeOrNull(key);
        assertThat(outcome).as("timer " + key + " handled").isNotNull();
        return outcome;
    }
}
