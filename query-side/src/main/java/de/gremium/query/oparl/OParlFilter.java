package de.gremium.query.oparl;

import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.web.TemporalBounds;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters every external OParl list takes. {@code parameters} holds them as the client sent them, in a fixed
 * order, so that every link of the list repeats them.
 */
public record OParlFilter(Instant createdSince, Instant createdUntil, Instant modifiedSince, Instant modifiedUntil,
        boolean omitInternal, Map<String, String> parameters) {

    public static final String CREATED_SINCE = "created_since";
    public static final String CREATED_UNTIL = "created_until";
    public static final String MODIFIED_SINCE = "modified_since";
    public static final String MODIFIED_UNTIL = "modified_until";
    public static final String OMIT_INTERNAL = "omit_internal";

    public OParlFilter {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Reads the parameters; a value that is no date-time with offset, or lies outside the years 1900 to 2200, is a 400. */
    public static OParlFilter of(String createdSince, String createdUntil, String modifiedSince, String modifiedUntil,
            Boolean omitInternal) {
        Map<String, String> given = new LinkedHashMap<>();
        Instant cs = dateTime(CREATED_SINCE, createdSince, given);
        Instant cu = dateTime(CREATED_UNTIL, createdUntil, given);
        Instant ms = dateTime(MODIFIED_SINCE, modifiedSince, given);
        Instant mu = dateTime(MODIFIED_UNTIL, modifiedUntil, given);
        if (omitInternal != null) {
            given.put(OMIT_INTERNAL, omitInternal.toString());
        }
        return new OParlFilter(cs, cu, ms, mu, Boolean.TRUE.equals(omitInternal), new LinkedHashMap<>(given));
    }

    private static Instant dateTime(String name, String text, Map<String, String> given) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        // a '+' the client did not encode arrives as a space
        String value = text.strip().replace(' ', '+');
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(name, "'" + text + "' is not a date-time with offset, e.g. 2026-01-01T00:00:00+01:00");
        }
        TemporalBounds.require(name, at);
        given.put(name, value);
        return at.toInstant();
    }
}
