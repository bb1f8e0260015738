package de.gremium.command.calendar;

import static de.gremium.platform.refusal.Refusal.invalid;

import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.web.TemporalBounds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/blocked-calendar")
@Tag(name = "Blocked calendar", description = "Sessions of the council, its committees and internal service meetings "
        + "that the group's meetings avoid, imported from OParl and iCalendar")
class BlockedCalendarController {

    static final String TEXT_CALENDAR = "text/calendar";
    static final Duration MAX_RANGE = Duration.ofDays(3 * 366);
    private static final Pattern UPLOAD_NAME = Pattern.compile("[\\p{L}\\p{N} ._-]{1,100}");

    private final BlockedCalendarSync sync;
    private final BlockedAppointmentLookup lookup;
    private final Clock clock;
    private final CalendarSourceClient sources;

    BlockedCalendarController(BlockedCalendarSync sync, BlockedAppointmentLookup lookup, Clock clock,
            CalendarSourceClient sources) {
        this.sync = sync;
        this.lookup = lookup;
        this.clock = clock;
        this.sources = sources;
    }

    @PostMapping(path = "/oparl-sync", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Import the meetings of an OParl 1.1 meeting list (coordinator)", description = "Follows "
            + "links.next; from the second sync of the same list on, asks only for changes (modified_since). Cancelled "
            + "and deleted meetings are removed. 400 when the host is not on gremium.calendar.allowed-hosts; 502 when the "
            + "list cannot be read or a redirect or address is refused.")
    BlockedCalendarRequests.Synced oparlSync(@Valid @RequestBody BlockedCalendarRequests.SourceUrl request) {
        URI url = allowed(httpUrl(request.url()));
        if (url.getRawQuery() != null && url.getRawQuery().contains("modified_since")) {
            throw invalid("url", "leave out modified_since: the sync adds it from what it read last time");
        }
        return BlockedCalendarRequests.Synced.of(sync.syncOParl(url));
    }

    @PostMapping(path = "/ics", consumes = TEXT_CALENDAR)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Import an uploaded iCalendar file (coordinator)", description = "The body is the .ics file "
            + "(at most 64 KiB; import larger calendars by URL). A full sync: appointments of an earlier upload under "
            + "the same name that the file no longer lists are removed.")
    BlockedCalendarRequests.Synced uploadIcs(@RequestBody byte[] file,
            @Parameter(description = "Name of the uploaded calendar; default: its X-WR-CALNAME, else 'ics'")
            @RequestParam(required = false) String name) {
        if (name != null && !UPLOAD_NAME.matcher(name).matches()) {
            throw invalid("name", "1 to 100 letters, digits, spaces, '.', '_' or '-'");
        }
        try {
            return BlockedCalendarRequests.Synced.of(sync.importUpload(name, file));
        } catch (Refusal.SourceFailed malformed) {
            // the caller sent the file, so a broken file is a bad request, not a failing source
            throw invalid("body", malformed.getMessage());
        }
    }

    @PostMapping(path = "/ics", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Import an iCalendar file from a URL (coordinator)", description = "A full sync of that URL. "
            + "400 when the host is not on gremium.calendar.allowed-hosts; 502 when the file cannot be fetched or read or a "
            + "redirect or address is refused.")
    BlockedCalendarRequests.Synced icsFromUrl(@Valid @RequestBody BlockedCalendarRequests.SourceUrl request) {
        return BlockedCalendarRequests.Synced.of(sync.importIcs(allowed(httpUrl(request.url()))));
    }

    @GetMapping("/appointments")
    @PreAuthorize("hasAnyRole('MEMBER','COORDINATOR')")
    @Operation(summary = "List the blocked appointments that overlap a period", description = "from and to: a date "
            + "(Europe/Berlin; 'to' inclusive) or a date-time with offset. Default: today and the year after.")
    List<BlockedCalendarRequests.Appointment> appointments(
            @Parameter(description = "e.g. 2027-01-01 or 2027-01-01T00:00:00+01:00") @RequestParam(required = false) String from,
            @Parameter(description = "e.g. 2027-03-31") @RequestParam(required = false) String to) {
        Instant start = from == null ? GroupTime.startOfDay(LocalDate.now(clock.withZone(GroupTime.ZONE)))
                : instant("from", from, false);
        Instant end = to == null ? start.plus(Duration.ofDays(366)) : instant("to", to, true);
        if (!end.isAfter(start)) {
            throw invalid("to", "must be after 'from'");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw invalid("to", "at most three years after 'from'");
        }
        return lookup.overlapping(start, end).stream().map(BlockedCalendarRequests.Appointment::of).toList();
    }

    /** A URL whose host is not on the allow-list is refused before anything is fetched (400, naming the field). */
    private URI allowed(URI url) {
        sources.refusal(url).ifPresent(reason -> {
            throw invalid("url", reason);
        });
        return url;
    }

    private static URI httpUrl(String text) {
        if (!java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
            // java.net.URI takes an unpaired surrogate; the HTTP client then fails on it, which read as a 502
            throw invalid("url", "is not a URL: it contains characters that are not text (unpaired surrogates)");
        }
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw invalid("url", "must be an http or https URL with a host");
            }
            if (uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw invalid("url", "must not contain a fragment (#...) or credentials");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid("url", "is not a URL: " + e.getReason());
        }
    }

    /**
     * A date (start of that day in Berlin; for an inclusive end, start of the next) or an ISO date-time,
     * within {@link TemporalBounds} before anything is computed with it.
     */
    private static Instant instant(String field, String text, boolean endOfDay) {
        try {
            LocalDate day = TemporalBounds.require(field, LocalDate.parse(text));
            return GroupTime.startOfDay(endOfDay ? day.plusDays(1) : day);
        } catch (DateTimeParseException notADate) {
            try {
                return TemporalBounds.require(field, OffsetDateTime.parse(text)).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid(field, "'" + text + "' is neither a date (2027-01-31) nor a date-time with offset "
                        + "(2027-01-31T13:00:00+01:00)");
            }
        }
    }
}
