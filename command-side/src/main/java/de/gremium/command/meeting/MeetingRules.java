package de.gremium.command.meeting;

import static de.gremium.platform.refusal.Refusal.conflict;
import static de.gremium.platform.refusal.Refusal.invalid;

import de.gremium.events.Quarter;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingStatus;
import java.time.Instant;
import java.time.ZoneId;

/** The rules of procedure for meetings, named once. */
public final class MeetingRules {

    /** "Eine Sitzung sollte die Dauer von einer Stunde nicht überschreiten." */
    public static final int MAX_MINUTES = 60;
    /** The group meets in Magdeburg: quarters and the preferred window are local time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private MeetingRules() {
    }

    /** Regular meetings have a fixed id per quarter, so a second one in the same quarter cannot be created. */
    public static MeetingId regularMeetingId(Quarter quarter) {
        return new MeetingId("regular-" + quarter.year() + "-Q" + quarter.number());
    }

    static void notLongerThanOneHour(int durationMinutes) {
        if (durationMinutes < 1 || durationMinutes > MAX_MINUTES) {
            throw invalid("durationMinutes", "a meeting lasts 1 to " + MAX_MINUTES + " minutes (rules of procedure); "
                    + durationMinutes + " is not allowed");
        }
    }

    static void aQuarterOfAYear(int year, int quarter) {
        if (year < 2000 || year > 2100) {
            throw invalid("year", "year must be between 2000 and 2100");
        }
        if (!Quarter.isNumber(quarter)) {
            throw invalid("quarter", "quarter must be 1, 2, 3 or 4");
        }
    }

    static void oneRegularMeetingPerQuarter(MeetingId id, MeetingKind kind, Quarter quarter) {
        if (kind == MeetingKind.REGULAR && !id.equals(regularMeetingId(quarter))) {
            throw invalid("meetingId", "the regular meeting of " + quarter + " has the id " + regularMeetingId(quarter));
        }
    }

    /** The quarter {@code start} lies in, in the group's local time. */
    public static Quarter quarterOf(Instant start) {
        return Quarter.of(start, ZONE);
    }

    /** A meeting is dated within its quarter; so is a scheduling poll's extra slot ({@code field}). */
    public static void withinItsQuarter(String field, Instant start, Quarter quarter) {
        Quarter startQuarter = quarterOf(start);
        if (!startQuarter.equals(quarter)) {
            throw invalid(field, "the meeting belongs to " + quarter + "; " + start.atZone(ZONE).toLocalDate()
                    + " lies in " + startQuarter);
        }
    }

    static void stillOpen(MeetingStatus status) {
        if (status == MeetingStatus.HELD || status == MeetingStatus.CANCELLED) {
            throw conflict("The meeting is " + status + " and can no longer be changed.");
        }
    }
}
