package de.gremium.intranet.monitoring;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Numbers, days, instants and periods of the APIs as the pages show them: decimal comma, {@code dd.MM.yyyy},
 * {@code dd.MM.yyyy, HH:mm} in Europe/Berlin, "1. Quartal 2025". A bean ({@code monitoringFormat}) for the
 * templates; the static methods for the charts and tables built in Java.
 */
@Component("monitoringFormat")
public class GermanFormat {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);
    static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMANY);

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    /** A JSON number (or its text) as a decimal; {@code null} for anything else. */
    public static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number || value instanceof String) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** {@code 1.234,5}; at most three decimals, as many as the value has. */
    public static String number(Object value) {
        BigDecimal decimal = decimal(value);
        if (decimal == null) {
            return "–";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.GERMANY);
        format.setMaximumFractionDigits(3);
        format.setMinimumFractionDigits(Math.min(3, Math.max(0, decimal.stripTrailingZeros().scale())));
        return format.format(decimal);
    }

    /** An ISO day ({@code 2025-03-01}) as {@code 01.03.2025}; other text unchanged, absent as a dash. */
    public static String day(Object value) {
        if (value == null) {
            return "–";
        }
        try {
            return LocalDate.parse(value.toString()).format(DAY);
        } catch (DateTimeParseException notADay) {
            return value.toString();
        }
    }

    /** An ISO instant as {@code 01.03.2025, 14:05 Uhr} in Berlin time. */
    public static String instant(Object value) {
        if (value == null) {
            return "–";
        }
        try {
            return Instant.parse(value.toString()).atZone(BERLIN).format(DAY_AND_TIME);
        } catch (DateTimeParseException notAnInstant) {
            return value.toString();
        }
    }

    /** {@code 2025} stays; {@code 2025-Q1} is "1. Quartal 2025"; {@code 2025-03} is "03/2025". */
    public static String period(Object value) {
        if (value == null) {
            return "–";
        }
        String text = value.toString();
        Matcher m = QUARTER.matcher(text);
        if (m.matches()) {
            return m.group(2) + ". Quartal " + m.group(1);
        }
        m = MONTH.matcher(text);
        if (m.matches()) {
            return m.group(2) + "/" + m.group(1);
        }
        return text;
    }

    // the same for the templates: ${@monitoringFormat.zahl(x)}

    public String zahl(Object value) {
        return number(value);
    }

    public String datum(Object value) {
        return day(value);
    }

    public String zeitpunkt(Object value) {
        return instant(value);
    }

    public String periode(Object value) {
        return period(value);
    }
}
