package de.gremium.intranet.probleme;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Instants of the views (ISO strings in the JSON) as German dates and times in Berlin, for the templates:
 * {@code ${@zeitangaben.datumZeit(r.submittedAt)}} gives "07.12.2026, 18:30 Uhr".
 */
@Component("zeitangaben")
public class Zeitangaben {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY).withZone(BERLIN);
    private static final DateTimeFormatter ZEIT = DateTimeFormatter.ofPattern("HH:mm", Locale.GERMANY).withZone(BERLIN);

    /** The instant, or {@code null} if the value is absent or no instant. */
    public static Instant instant(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }

    /** "07.12.2026", or an empty text. */
    public String datum(Object value) {
        Instant instant = instant(value);
        return instant == null ? "" : DATUM.format(instant);
    }

    /** "07.12.2026, 18:30 Uhr", or an empty text. */
    public String datumZeit(Object value) {
        Instant instant = instant(value);
        return instant == null ? "" : DATUM.format(instant) + ", " + ZEIT.format(instant) + " Uhr";
    }

    /** "18:30", or an empty text. */
    public String zeit(Object value) {
        Instant instant = instant(value);
        return instant == null ? "" : ZEIT.format(instant);
    }

    /** The ISO form for a {@code <time datetime>} attribute, or an empty text. */
    public String iso(Object value) {
        Instant instant = instant(value);
        return instant == null ? "" : instant.toString();
    }
}
