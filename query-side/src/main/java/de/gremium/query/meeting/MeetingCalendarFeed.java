package de.gremium.query.meeting;

import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingStatus;
import de.gremium.platform.calendar.IcsLines;
import de.gremium.query.api.OutputText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.springframework.stereotype.Component;

/**
 * The meetings as an iCalendar feed (RFC 5545) for calendar subscriptions. Labels are German. Times
 * are UTC, so clients need no VTIMEZONE. DTSTAMP and LAST-MODIFIED are the time of the last event
 * applied to the meeting, so the same events always give the same feed.
 *
 * <p>Lines are folded at 75 octets (RFC 5545 section 3.1), never inside a character: ical4j folds at 73 characters,
 * which with umlauts are up to 146 octets, so its output is unfolded and folded again by octets here. Texts go
 * through {@link OutputText#printable} (RFC 5545 allows no control characters in a text value).
 */
@Component
public class MeetingCalendarFeed {

    static final String GROUP_NAME = "Projektgruppe Integration";
    /** At most this many octets a line, the CRLF not counted. */

    public String render(List<MeetingView> meetings) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Landeshauptstadt Magdeburg//Gremium//DE"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", GROUP_NAME));
        meetings.forEach(m -> calendar.add(event(m)));
        StringWriter out = new StringWriter();
        try {
            // RFC 5545 wants at least one component; an empty feed is still what subscribers should see
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException(e);
        }
        return IcsLines.foldedByOctets(out.toString());
    }



    private static VEvent event(MeetingView m) {
        VEvent event = new VEvent(false);
        event.add(new Uid(new MeetingId(m.id()).calendarUid()));
        event.add(new DtStamp(m.lastChangedAt()));
        event.add(new LastModified(m.lastChangedAt()));
        event.add(new Sequence(m.icalSequence()));
        event.add(new DtStart<>(m.start()));
        event.add(new DtEnd<>(m.end()));
        event.add(m.status() == MeetingStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Summary(OutputText.printable(summary(m))));
        if (m.location() != null && !m.location().isBlank()) {
            event.add(new Location(OutputText.printable(m.location())));
        }
        event.add(new Description(OutputText.printable(description(m))));
        return event;
    }

    /**
     * "Projektgruppe Integration – Sitzung Qn/yyyy" (regular) or "… – Sondersitzung" (extra), so that the
     * entry is recognisable among a person's other appointments; the meeting's title follows after a
     * colon unless it only repeats that label (the command side requires a title on every meeting).
     */
    static String summary(MeetingView m) {
        String label = m.kind() == MeetingKind.REGULAR ? "Sitzung Q" + m.quarter() + "/" + m.year()
                : MeetingKind.EXTRA.germanLabel();
        String title = m.title() == null ? "" : m.title().strip();
        boolean repeatsLabel = title.isEmpty() || title.equalsIgnoreCase(label)
                || title.equalsIgnoreCase(GROUP_NAME + " – " + label);
        return GROUP_NAME + " – " + label + (repeatsLabel ? "" : ": " + title);
    }

    static String description(MeetingView m) {
        StringBuilder text = new StringBuilder();
        if (m.status() == MeetingStatus.CANCELLED && m.cancellation() != null) {
            text.append("Abgesagt: ").append(m.cancellation().reason()).append("\n\n");
        }
        if (m.agenda().isEmpty()) {
            return text.append("Tagesordnung folgt.").toString();
        }
        text.append("Tagesordnung:");
        for (int i = 0; i < m.agenda().size(); i++) {
            MeetingView.AgendaItem item = m.agenda().get(i);
            text.append("\n").append(i + 1).append(". ").append(item.kind().germanLabel()).append(": ").append(item.title());
        }
        return text.toString();
    }
}
