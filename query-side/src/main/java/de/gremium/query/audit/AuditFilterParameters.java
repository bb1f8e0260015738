package de.gremium.query.audit;

import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.web.TemporalBounds;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters of the audit endpoints as they arrive (bound from the query string), checked here so
 * that a bad one is refused naming its parameter.
 *
 * @param from ISO-8601 instant, inclusive ({@code 2026-03-04T12:00:00Z}, an offset is accepted), in {@link TemporalBounds}
 * @param to   ISO-8601 instant, exclusive
 * @param type simple names of event types, repeatable ({@code type=ProblemReportSubmitted&type=...})
 */
record AuditFilterParameters(
        @Parameter(description = "ISO-8601 instant, inclusive, e.g. 2026-03-04T12:00:00Z; years 1900 to 2200",
                schema = @Schema(type = "string", format = "date-time")) String from,
        @Parameter(description = "ISO-8601 instant, exclusive; years 1900 to 2200",
                schema = @Schema(type = "string", format = "date-time")) String to,
        @Parameter(description = "an event type's simple name, e.g. ProblemReportSubmitted; repeatable") List<String> type) {

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,99}");

    AuditFilter toFilter(String aggregateId, String userId) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw invalid("to", "'" + to + "' is before 'from' (" + from + ")");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String name : type == null ? List.<String>of() : type) {
            if (name == null || !TYPE_NAME.matcher(name).matches()) {
                throw invalid("type", "'" + name + "' is not an event type's simple name, such as ProblemReportSubmitted");
            }
            types.add(name);
        }
        return new AuditFilter(aggregateId, userId, start, end, types, null);
    }

    private static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TemporalBounds.require(parameter, Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw invalid(parameter, "'" + value + "' is not an ISO-8601 instant such as 2026-03-04T12:00:00Z");
        }
    }

    static Refusal.Invalid invalid(String parameter, String reason) {
        return Refusal.invalid(parameter, reason);
    }
}
