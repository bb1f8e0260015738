package de.gremium.command.calendar;

import de.gremium.events.calendar.AppointmentKind;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells council sessions, committee sessions and service meetings apart by the words their names or
 * categories use. Committee words are checked first, because committees are usually named after the
 * council ("Finanzausschuss des Stadtrates").
 */
final class AppointmentKinds {

    private static final Pattern COMMITTEE = Pattern.compile("ausschuss|ausschüsse|beirat|kommission");
    private static final Pattern COUNCIL = Pattern.compile(
            "stadtrat|gemeinderat|ratsversammlung|stadtverordnetenversammlung|ratssitzung");
    private static final Pattern SERVICE_MEETING = Pattern.compile("dienstberatung");

    private AppointmentKinds() {
    }

    /** Kind named by {@code text}, or {@code fallback} when it names none. */
    static AppointmentKind classify(String text, AppointmentKind fallback) {
        String lower = text == null ? "" : text.toLowerCase(Locale.GERMAN);
        if (COMMITTEE.matcher(lower).find()) {
            return AppointmentKind.COMMITTEE;
        }
        if (COUNCIL.matcher(lower).find()) {
            return AppointmentKind.COUNCIL;
        }
        if (SERVICE_MEETING.matcher(lower).find()) {
            return AppointmentKind.SERVICE_MEETING;
        }
        return fallback;
    }
}
