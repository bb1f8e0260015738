package de.gremium.intranet.empfehlungen;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates and times of the views in German for the templates ({@code ${@empfehlungsAnzeige.datum(r.reviewDate)}}):
 * the APIs send ISO-8601 ({@code 2027-03-31}, {@code 2026-10-07T12:00:00Z}); the pages show {@code dd.MM.yyyy} and
 * {@code HH:mm} in Europe/Berlin. A value that is no date is shown as it came.
 */
@Component("empfehlungsAnzeige")
public class Anzeige {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);
    private static final DateTimeFormatter ZEIT = DateTimeFormatter.ofPattern("HH:mm", Locale.GERMANY);

    /** {@code 31.03.2027}, also for an instant (its day in Berlin). */
    public String datum(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return "";
        }
        String text = iso.toString();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).format(DATUM);
            }
            return moment(text).format(DATUM);
        } catch (DateTimeParseException notADate) {
            return text;
        }
    }

    /** {@code 07.10.2026, 14:00 Uhr}. */
    public String zeitpunkt(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return "";
        }
        String text = iso.toString();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).format(DATUM);
            }
            java.time.ZonedDateTime at = moment(text);
            return at.format(DATUM) + ", " + at.format(ZEIT) + " Uhr";
        } catch (DateTimeParseException notADate) {
            return text;
        }
    }

    /** The machine-readable value for {@code <time datetime>}. */
    public String maschinell(Object iso) {
        return iso == null ? "" : iso.toString();
    }

    /** A long text cut after {@code hoechstens} characters at a word, with an ellipsis. */
    public String kurz(Object text, int hoechstens) {
        if (text == null) {
            return "";
        }
        String value = text.toString().strip();
        if (value.length() <= hoechstens) {
            return value;
        }
        int cut = value.lastIndexOf(' ', hoechstens);
        return value.substring(0, cut > hoechstens / 2 ? cut : hoechstens).strip() + " …";
    }

    private static java.time.ZonedDateTime moment(String text) {
        try {
            return Instant.parse(text).atZone(BERLIN);
        } catch (DateTimeParseException notAnInstant) {
            return OffsetDateTime.parse(text).atZoneSameInstant(BERLIN);
        }
    }
}
