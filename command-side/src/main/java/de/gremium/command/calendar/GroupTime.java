package de.gremium.command.calendar;

import de.gremium.events.calendar.BlockedAppointment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The group's local time (Europe/Berlin, daylight saving included), and how appointments read in it. */
final class GroupTime {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private GroupTime() {
    }

    /**
     * "Stadtratssitzung 'Stadtrat' 14:00–17:00": kind, title and local times; dates are added when the
     * appointment does not lie within {@code day} (always, when {@code day} is null).
     */
    static String describe(BlockedAppointment appointment, ZoneId zone, LocalDate day) {
        ZonedDateTime start = appointment.start().atZone(zone);
        ZonedDateTime end = appointment.end().atZone(zone);
        boolean sameDay = day != null && start.toLocalDate().equals(day) && end.toLocalDate().equals(day);
        DateTimeFormatter format = sameDay ? TIME : DATE_TIME;
        return appointment.kind().germanLabel() + " '" + appointment.title() + "' " + format.format(start) + "–"
                + format.format(end);
    }

    /** The same with dates, for lists that span many days. */
    static String describe(BlockedAppointment appointment) {
        return describe(appointment, ZONE, null);
    }

    static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
