package de.gremium.intranet.sitzungen;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Dates and times of meetings and polls in German, in the group's time zone (Europe/Berlin): for the templates
 * ({@code ${@sitzungenZeit.datum(m.start)}}) and for reading what a person typed into a date-time field. The views
 * hold instants as ISO-8601 strings.
 */
@Component("sitzungenZeit")
public class SitzungenZeit {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.GERMANY);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.GERMANY);
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    /** What a person types where the browser offers no date-time picker. */
    private static final List<DateTimeFormatter> TYPED = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("d.M.uuuu H:mm"),
            DateTimeFormatter.ofPattern("d.M.uuuu, H:mm"),
            DateTimeFormatter.ofPattern("d.M.uuuu 'um' H:mm"));

    /** {@code 07.04.2027}, or empty for no date. */
    public String datum(Object instant) {
        return zoned(instant).map(DATE::format).orElse("");
    }

    /** {@code 13:00}. */
    public String uhrzeit(Object instant) {
        return zoned(instant).map(TIME::format).orElse("");
    }

    /** {@code Mittwoch, 07.04.2027, 13:00} (the end's time added when given: {@code 13:00–14:00 Uhr}). */
    public String termin(Object start, Object end) {
        Optional<ZonedDateTime> from = zoned(start);
        if (from.isEmpty()) {
            return "";
        }
        String day = WEEKDAY.format(from.get()) + ", " + DATE.format(from.get()) + ", " + TIME.format(from.get());
        return zoned(end).map(to -> day + "–" + TIME.format(to) + " Uhr").orElse(day + " Uhr");
    }

    /** The value of an {@code <input type="datetime-local">} for an instant of a view. */
    public String eingabe(Object instant) {
        return zoned(instant).map(LOCAL_INPUT::format).orElse("");
    }

    /** Whether a view's instant is set. */
    public boolean gesetzt(Object instant) {
        return zoned(instant).isPresent();
    }

    /** An instant of a view (ISO-8601 text), if it is one. */
    static Optional<Instant> instant(Object value) {
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.toString()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(value.toString()));
            } catch (DateTimeParseException notAnInstant) {
                return Optional.empty();
            }
        }
    }

    /**
     * What a person typed into a date-time field ({@code 2027-04-07T13:00} from the browser's picker, or
     * {@code 07.04.2027 13:00}) as the date-time with the group's offset that the command side takes; empty if it is
     * no date-time.
     */
    static Optional<OffsetDateTime> typed(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : TYPED) {
            try {
                return Optional.of(LocalDateTime.parse(text.strip(), format).atZone(ZONE).toOffsetDateTime());
            } catch (DateTimeException e) {
                // the next format
            }
        }
        return Optional.empty();
    }

    private static Optional<ZonedDateTime> zoned(Object instant) {
        return instant(instant).map(i -> i.atZone(ZONE));
    }
}
