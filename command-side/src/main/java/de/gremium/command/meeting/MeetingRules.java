package de.gremium.command.meeting;

import static de.gremium.platform.refusal.Refusal.conflict;
import static de.gremium.platform.refusal.Refusal.invalid;

import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The rules of procedure for meetings, named once. */
public final class MeetingRules {

    /** "Eine Sitzung sollte die Dauer von einer Stunde nicht überschreiten." */
    public static final int MAX_MINUTES = 60;
    /** The group meets in Magdeburg: quarters and the preferred window are local time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private MeetingRules() {
    }

    /** Regular meetings have a fixed id per quarter, so a second one in the same quarter cannot be created. */
    public static MeetingId regularMeetingId(int year, int quarter) {
        return new MeetingId("regular-" + year + "-Q" + quarter);
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
        if (quarter < 1 || quarter > 4) {
            throw invalid("quarter", "quarter must be 1, 2, 3 or 4");
        }
    }

    static void oneRegularMeetingPerQuarter(MeetingId id, MeetingKind kind, int year, int quarter) {
        if (kind == MeetingKind.REGULAR && !id.equals(regularMeetingId(year, quarter))) {
            throw invalid("meetingId", "the regular meeting of " + year + " Q" + quarter + " has the id "
                    + regularMeetingId(year, quarter));
        }
    }

    static void withinItsQuarter(Instant start, int year, int quarter) {
        ZonedDateTime local = start.atZone(ZONE);
        int startQuarter = (local.getMonthValue() - 1) / 3 + 1;
        if (local.getYear() != year || startQuarter != quarter) {
            throw invalid("start", "the meeting belongs to " + year + " Q" + quarter + "; " + local.toLocalDate()
                    + " lies in " + local.getYear() + " Q" + startQuarter);
        }
    }

    static void stillOpen(MeetingStatus status) {
        if (status == MeetingStatus.HELD || status == MeetingStatus.CANCELLED) {
            throw conflict("The meeting is " + status + " and can no longer be changed.");
        }
    }
}
