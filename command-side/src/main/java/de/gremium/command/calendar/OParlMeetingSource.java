package de.gremium.command.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.command.values.TextKind;
import de.gremium.events.calendar.AppointmentKind;
import de.gremium.events.calendar.BlockedAppointment;
import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.web.TemporalBounds;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the meetings of an OParl 1.1 meeting list (e.g. a body's {@code meeting} list): follows
 * {@code links.next} page by page, asks only for changes with {@code modified_since}, and reports
 * cancelled and deleted meetings as removals.
 *
 * <p>Mapping: the kind is COUNCIL when the meeting's name, or the name or classification of an
 * organization the list embeds, names the council (Stadtrat, Gemeinderat, ...), and COMMITTEE
 * otherwise (organizations referenced only by URL are not fetched). A meeting without {@code start}
 * is skipped; one without {@code end} (or ending before it starts) is taken to last two hours. A
 * meeting that ended more than a year ago is reported as a removal: it can no longer block a slot.
 * A date-time without offset is read as Europe/Berlin time; an unreadable one fails the whole import
 * rather than silently dropping a session. A meeting with a date outside {@link TemporalBounds}
 * ({@code start}, {@code end} or {@code modified}) is skipped and counted.
 */
@Component
class OParlMeetingSource {

    static final Duration DEFAULT_LENGTH = Duration.ofHours(2);
    static final Period KEEP_PAST = Period.ofYears(1);
    static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_PAGE_BYTES = 8 * 1024 * 1024;
    static final int MAX_ENTRIES = 20_000;

    private final CalendarSourceClient http;
    private final ObjectMapper mapper;
    private final int maxPages;
    private final Duration deadline;

    OParlMeetingSource(CalendarSourceClient http, ObjectMapper mapper,
            @Value("${gremium.calendar.oparl.max-pages:500}") int maxPages,
            @Value("${gremium.calendar.oparl.deadline:120s}") Duration deadline) {
        this.http = http;
        this.mapper = mapper;
        this.maxPages = maxPages;
        this.deadline = deadline;
    }

    /**
     * Reads the list at {@code listUrl}, only what changed since {@code modifiedSince} when given.
     * {@code now} decides which meetings are too old to matter.
     */
    CalendarImport read(URI listUrl, Instant modifiedSince, Instant now) {
        String source = listUrl.toString();
        CalendarSourceClient.requireHttp(source, listUrl);
        Instant keepFrom = now.atZone(GroupTime.ZONE).minus(KEEP_PAST).toInstant();
        Map<String, BlockedAppointment> upserted = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        Instant newest = null;
        CalendarImport.Tally noId = new CalendarImport.Tally();
        Map<String, NotKept> notKept = new LinkedHashMap<>(); // by id: why its last listing was not kept
        int duplicates = 0;

        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        Set<URI> visited = new HashSet<>();
        Set<String> seen = new HashSet<>();
        URI page = modifiedSince == null ? listUrl : withParameter(listUrl, "modified_since", modifiedSince.toString());
        for (int pages = 0; page != null; pages++) {
            if (pages == maxPages) {
                throw Refusal.sourceFailed(source, source + " has more than " + maxPages + " pages; import stopped");
            }
            if (!visited.add(page)) {
                throw Refusal.sourceFailed(source, "links.next of " + source + " leads back to " + page);
            }
            Duration left = Duration.ofNanos(deadlineNanos - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw Refusal.sourceFailed(source, source + " could not be read within " + deadline.toSeconds() + " s");
            }
            JsonNode list = readPage(source, page, left.compareTo(PAGE_TIMEOUT) < 0 ? left : PAGE_TIMEOUT);
            for (JsonNode meeting : list.get("data")) {
                if (upserted.size() + removed.size() >= MAX_ENTRIES) {
                    throw Refusal.sourceFailed(source, source + " lists more than " + MAX_ENTRIES + " meetings");
                }
                String id = text(meeting, "id");
                if (id == null) {
                    noId.count(NotKept.NO_ID);
                    continue;
                }
                if (!seen.add(id)) {
                    duplicates++; // the last listing counts
                }
                notKept.remove(id);
                Instant modified = dateTime(source, id, meeting, "modified");
                if (outOfBounds(modified)) {
                    upserted.remove(id);
                    notKept.put(id, NotKept.OUTSIDE_DATE_RANGE);
                    continue;
                }
                if (modified != null && (newest == null || modified.isAfter(newest))) {
                    newest = modified;
                }
                boolean deleted = meeting.path("deleted").asBoolean(false);
                if (deleted || meeting.path("cancelled").asBoolean(false)) {
                    upserted.remove(id);
                    removed.add(id);
                    notKept.put(id, deleted ? NotKept.DELETED : NotKept.CANCELLED);
                    continue;
                }
                Instant start = dateTime(source, id, meeting, "start");
                Instant end = start == null ? null : dateTime(source, id, meeting, "end");
                if (start == null || outOfBounds(start) || outOfBounds(end)) {
                    upserted.remove(id);
                    notKept.put(id, start == null ? NotKept.NO_START : NotKept.OUTSIDE_DATE_RANGE);
                    continue;
                }
                BlockedAppointment appointment = toAppointment(source, id, meeting, start, end);
                if (appointment.end().isBefore(keepFrom)) {
                    upserted.remove(id);
                    removed.add(id);
                    notKept.put(id, NotKept.ENDED_BEFORE_WINDOW);
                } else {
                    removed.remove(id);
                    upserted.put(id, appointment);
                }
            }
            page = next(source, list, page);
        }
        CalendarImport.Tally tally = new CalendarImport.Tally();
        tally.add(noId);
        notKept.values().forEach(tally::count);
        for (int i = 0; i < duplicates; i++) {
            tally.count(NotKept.DUPLICATE);
        }
        return new CalendarImport(source, new ArrayList<>(upserted.values()), new ArrayList<>(removed), newest,
                tally.counts(), keepFrom, null);
    }

    private BlockedAppointment toAppointment(String source, String id, JsonNode meeting, Instant start, Instant end) {
        if (end == null || !end.isAfter(start)) {
            end = start.plus(DEFAULT_LENGTH);
        }
        String name = text(meeting, "name");
        String title = name == null ? "Sitzung" : name.length() > TextKind.TITLE.max() ? name.substring(0, TextKind.TITLE.max()) : name;
        return new BlockedAppointment(source, id, title, kind(meeting), start, end);
    }

    /** COUNCIL when the meeting or an embedded organization names the council, else COMMITTEE. */
    static AppointmentKind kind(JsonNode meeting) {
        StringBuilder names = new StringBuilder(meeting.path("name").asText(""));
        for (JsonNode organization : meeting.path("organization")) {
            if (organization.isObject()) {
                for (String field : List.of("name", "shortName", "classification")) {
                    names.append(' ').append(organization.path(field).asText(""));
                }
            }
        }
        return AppointmentKinds.classify(names.toString(), AppointmentKind.COMMITTEE);
    }

    private JsonNode readPage(String source, URI page, Duration timeout) {
        byte[] body = http.get(page, "application/json", MAX_PAGE_BYTES, timeout);
        JsonNode list;
        try {
            list = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            // the parser's message quotes the answer's first token: say only where it broke
            throw Refusal.sourceFailed(source, page + " did not answer with JSON (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")", e);
        } catch (IOException e) {
            throw Refusal.sourceFailed(source, page + " could not be read", e);
        }
        if (list == null || !list.path("data").isArray()) {
            throw Refusal.sourceFailed(source, page + " is not an OParl list: it has no 'data' array");
        }
        return list;
    }

    private static URI next(String source, JsonNode list, URI page) {
        String next = list.path("links").path("next").asText("");
        if (next.isBlank()) {
            return null;
        }
        try {
            URI uri = UriReferences.resolve(page, next.trim());
            CalendarSourceClient.requireHttp(source, uri);
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw Refusal.sourceFailed(source, "links.next of " + page + " is not a URL: '" + next + "'", e);
        }
    }

    static URI withParameter(URI url, String name, String value) {
        String text = url.toString();
        String separator = url.getRawQuery() == null ? "?" : "&";
        return URI.create(text + separator + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().trim();
    }

    /** A date outside {@link TemporalBounds} is no time a session can block: its meeting is skipped and counted. */
    private static boolean outOfBounds(Instant at) {
        return TemporalBounds.problem(at).isPresent();
    }

    private static Instant dateTime(String source, String id, JsonNode meeting, String field) {
        String text = text(meeting, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).atZone(GroupTime.ZONE).toInstant().truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e) {
                throw Refusal.sourceFailed(source, "meeting " + id + ": '" + field + "' is not a date-time: '"
                        + text + "'", e);
            }
        }
    }
}
