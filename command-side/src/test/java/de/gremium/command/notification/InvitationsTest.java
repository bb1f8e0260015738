package de.gremium.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.group.NotificationDelivery;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingScheduled;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The invitations as calendar programs read them (ical4j parses them back). */
class InvitationsTest {

    private static final Instant T = Instant.parse("2027-01-14T14:00:00Z");
    private static final MeetingId M = new MeetingId("regular-2027-Q1");
    private static final NotificationProperties SETTINGS = new NotificationProperties("Projektgruppe Integration <gremium@magdeburg.example>",
            null, null, null, null, null, null, null, null, null, null, null, null);
    private static final Recipient MEMBER = new Recipient("anna.amt50", "Anna Bäcker-Müller-Lüdenscheidt", "anna@magdeburg.example",
            NotificationDelivery.IMMEDIATELY, null);

    private static MeetingFacts meeting(Object... more) {
        List<Object> events = new java.util.ArrayList<>(List.of(
                new MeetingPlanned(M, 2027, 1, MeetingKind.REGULAR, "Übergänge in Ausbildung und Beschäftigung für Geflüchtete", 60,
                        "koordinator", T.minus(Duration.ofDays(60))),
                new MeetingScheduled(M, T, T.plus(Duration.ofHours(1)), "Altes Rathaus, Raum 1\nErdgeschoss", "koordinator", T)));
        events.addAll(List.of(more));
        return MeetingFacts.of(events);
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void aRequestCarriesTheFeedsUidTheOrganizerTheAttendeeAndTheTimesInUtc() throws Exception {
        Calendar calendar = parse(new Invitations(SETTINGS).request(meeting(), MEMBER, T));

        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo("regular-2027-Q1@gremium.magdeburg.de");
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
        assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20270114T140000Z");
        assertThat(event.getProperty("DTEND").orElseThrow().getValue()).isEqualTo("20270114T150000Z");
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:gremium@magdeburg.example");
        assertThat(event.getProperty("ATTENDEE").orElseThrow().getValue()).isEqualTo("mailto:anna@magdeburg.example");
        assertThat(event.getProperty("ATTENDEE").orElseThrow().getParameter("RSVP").orElseThrow().getValue())
                .as("Gremium reads no replies: none is asked for").isEqualTo("FALSE");
        assertThat(event.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo("Altes Rathaus, Raum 1\nErdgeschoss");
        assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).startsWith("Projektgruppe Integration – Sitzung Q1/2027: Übergänge");
    }

    @Test
    void aCancellationIsMethodCancelWithTheNextSequence() throws Exception {
        Calendar calendar = parse(new Invitations(SETTINGS).cancel(
                meeting(new MeetingCancelled(M, "Krankheit", "koordinator", T)), MEMBER, T));

        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
    }

    @Test
    void noLineIsLongerThanSeventyFiveOctetsEvenWithUmlauts() {
        String ics = new Invitations(SETTINGS).request(meeting(), MEMBER, T);

        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
        assertThat(ics).endsWith("END:VCALENDAR\r\n");
    }
}
