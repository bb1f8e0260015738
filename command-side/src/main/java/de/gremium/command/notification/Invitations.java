package de.gremium.command.notification;

import de.gremium.platform.calendar.IcsLines;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.springframework.stereotype.Component;

/**
 * Calendar invitations by e-mail (iTIP, RFC 5546): {@code METHOD:REQUEST} when a meeting is scheduled or moved,
 * {@code METHOD:CANCEL} when it is called off; the UID is the feed's ({@code MeetingId.calendarUid()}) and SEQUENCE the
 * feed's ({@link MeetingFacts#sequence}), so a calendar program updates the entry it has instead of adding another.
 * ORGANIZER is the sender, ATTENDEE the recipient, DTSTAMP the time of the event that caused it. Times in UTC (no
 * VTIMEZONE needed); lines folded at 75 octets.
 */
@Component
class Invitations {

    static final String GROUP_NAME = "Projektgruppe Integration";

    private final NotificationProperties settings;

    Invitations(NotificationProperties settings) {
        this.settings = settings;
    }

    String request(MeetingFacts meeting, Recipient recipient, Instant stamp) {
        return calendar(meeting, recipient, stamp, false);
    }

    String cancel(MeetingFacts meeting, Recipient recipient, Instant stamp) {
        return calendar(meeting, recipient, stamp, true);
    }

    private String calendar(MeetingFacts meeting, Recipient recipient, Instant stamp, boolean cancel) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Landeshauptstadt Magdeburg//Gremium//DE"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        VEvent event = new VEvent(false);
        event.add(new Uid(meeting.meetingId.calendarUid()));
        event.add(new DtStamp(stamp));
        event.add(new Sequence(meeting.sequence));
        event.add(new DtStart<>(meeting.start));
        event.add(new DtEnd<>(meeting.end));
        event.add(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Summary(printable(GROUP_NAME + " – " + meeting.label())));
        if (meeting.location != null && !meeting.location.isBlank()) {
            event.add(new Location(printable(meeting.location)));
        }
        if (cancel && meeting.reason != null && !meeting.reason.isBlank()) {
            event.add(new Description(printable("Abgesagt: " + meeting.reason)));
        }
        InternetAddress sender = sender();
        Organizer organizer = new Organizer(URI.create("mailto:" + sender.getAddress()));
        organizer.add(new Cn(sender.getPersonal() == null ? GROUP_NAME : printable(sender.getPersonal())));
        event.add(organizer);
        Attendee attendee = new Attendee(URI.create("mailto:" + recipient.address()));
        attendee.add(new Cn(printable(recipient.name())));
        attendee.add(recipient.guest() ? Role.OPT_PARTICIPANT : Role.REQ_PARTICIPANT);
        attendee.add(PartStat.NEEDS_ACTION);
        // Gremium reads no iTIP replies (attendance is the poll's and the minutes'): calendar programs are asked for none
        attendee.add(Rsvp.FALSE);
        event.add(attendee);
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("an invitation that is no valid iCalendar: " + e.getMessage(), e);
        }
        return IcsLines.foldedByOctets(out.toString());
    }

    private InternetAddress sender() {
        try {
            return new InternetAddress(settings.sender(), true);
        } catch (AddressException e) {
            throw new IllegalStateException("gremium.notifications.sender is no e-mail address: " + settings.sender(), e);
        }
    }

    /** RFC 5545 allows no control characters in a text value; line breaks are escaped by ical4j. */
    private static String printable(String value) {
        return Letter.printable(value).replace('\t', ' ');
    }
}
