package de.gremium.command.calendar;

import de.gremium.command.values.TextKind;
import de.gremium.events.calendar.AppointmentKind;
import de.gremium.events.calendar.BlockedAppointment;
import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.web.TemporalBounds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.springframework.stereotype.Component;

/**
 * Reads an iCalendar (RFC 5545) with ical4j: every VEVENT that blocks time within a window from one
 * year ago to two years ahead becomes an appointment.
 *
 * <p>Recurring events (RRULE, RDATE, EXDATE) are expanded in their own time zone, so a weekly 14:00
 * stays 14:00 local across a daylight-saving switch; an instance overridden by RECURRENCE-ID takes
 * the override's time and title. External id: the UID, plus {@code /} and the instance's original
 * start as a UTC instant for instances of a recurring event. STATUS:CANCELLED (the series or an
 * instance) and TRANSP:TRANSPARENT (free time) do not block. An all-day event blocks the whole local
 * day(s), 00:00 to 00:00 Europe/Berlin; a floating time is read as Europe/Berlin. The kind comes from
 * CATEGORIES (Stadtrat, Ausschuss, Dienstberatung), SERVICE_MEETING otherwise. An ICS import is a full
 * sync: every appointment imported from the same source before and not listed now is a removal. An event
 * without DTSTART, or with a date outside {@link TemporalBounds}, is skipped and counted.
 */
@Component
class IcsCalendarSource {

    static final java.time.Period WINDOW_BACK = java.time.Period.ofYears(1);
    static final java.time.Period WINDOW_AHEAD = java.time.Period.ofYears(2);
    static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_ICS_BYTES = 5 * 1024 * 1024;
    static final int MAX_INSTANCES_PER_EVENT = 1_500;
    static final int MAX_APPOINTMENTS = 10_000;
    /** What ical4j may generate for one event from its start (a daily rule since 1900 is some 110,000). */
    static final int MAX_CANDIDATES_PER_EVENT = 200_000;
    /** Rules this fine would expand to tens of thousands of instances; no meeting series recurs so. */
    private static final Set<Frequency> TOO_FINE = EnumSet.of(Frequency.SECONDLY, Frequency.MINUTELY, Frequency.HOURLY);

    private final CalendarSourceClient http;

    IcsCalendarSource(CalendarSourceClient http) {
        this.http = http;
    }

    /** The calendar file at {@code url}. */
    byte[] fetch(URI url) {
        return http.get(url, "text/calendar", MAX_ICS_BYTES, FETCH_TIMEOUT);
    }

    /** Parses the file; its X-WR-CALNAME, if any, names an uploaded calendar. */
    IcsCalendar parse(String source, byte[] ics) {
        try {
            Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics));
            String name = calendar.getProperty("X-WR-CALNAME").map(Property::getValue).map(String::trim)
                    .filter(value -> !value.isEmpty()).orElse(null);
            return new IcsCalendar(calendar, name);
        } catch (ParserException e) {
            // the parser's message quotes what it read: a fetched answer's content is never echoed, only where it broke
            throw Refusal.sourceFailed(source, "not an iCalendar file (line " + e.getLineNo() + ")", e);
        } catch (IOException | RuntimeException e) {
            throw Refusal.sourceFailed(source, "not a readable iCalendar file", e);
        }
    }

    /** A parsed calendar, and the name it gives itself (null when none). */
    record IcsCalendar(Calendar calendar, String name) {
    }

    /** The appointments of {@code ics}, and as removals whatever was imported before and is gone now. */
    CalendarImport read(String source, IcsCalendar ics, Set<String> previouslyImported, Instant now) {
        ZonedDateTime from = now.atZone(GroupTime.ZONE).minus(WINDOW_BACK);
        ZonedDateTime to = now.atZone(GroupTime.ZONE).plus(WINDOW_AHEAD);
        Map<String, List<VEvent>> byUid = new LinkedHashMap<>();
        CalendarImport.Tally tally = new CalendarImport.Tally();
        for (VEvent event : ics.calendar().<VEvent>getComponents(net.fortuna.ical4j.model.Component.VEVENT)) {
            Optional<String> uid = event.getProperty(Property.UID).map(Property::getValue).map(String::trim);
            if (uid.isEmpty() || uid.get().isEmpty()) {
                throw Refusal.sourceFailed(source, "an event without UID ('" + summary(event) + "'): RFC 5545 requires one");
            }
            byUid.computeIfAbsent(uid.get(), key -> new ArrayList<>()).add(event);
        }

        Map<String, BlockedAppointment> appointments = new LinkedHashMap<>();
        Set<String> gone = new TreeSet<>(previouslyImported);
        for (Map.Entry<String, List<VEvent>> series : byUid.entrySet()) {
            try {
                tally.add(readSeries(source, series.getKey(), series.getValue(), from, to, appointments, gone));
            } catch (Refusal.SourceFailed e) {
                throw e;
            } catch (RuntimeException e) {
                throw Refusal.sourceFailed(source, "event " + series.getKey() + " cannot be read: " + e.getMessage(), e);
            }
            if (appointments.size() > MAX_APPOINTMENTS) {
                throw Refusal.sourceFailed(source, "more than " + MAX_APPOINTMENTS + " appointments in the window");
            }
        }
        gone.removeAll(appointments.keySet());
        return new CalendarImport(source, new ArrayList<>(appointments.values()), new ArrayList<>(gone), null,
                tally.counts(), from.toInstant(), to.toInstant());
    }

    /**
     * Adds the blocking instances of one UID to {@code appointments}, those that do not block to {@code gone}; what
     * is not kept is counted by reason. A second event without RECURRENCE-ID under the same UID, or a second override
     * of the same instance, is a duplicate: the first master counts, and the last override.
     */
    private CalendarImport.Tally readSeries(String source, String uid, List<VEvent> events, ZonedDateTime from,
            ZonedDateTime to, Map<String, BlockedAppointment> appointments, Set<String> gone) {
        CalendarImport.Tally tally = new CalendarImport.Tally();
        List<VEvent> masters = events.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isEmpty()).toList();
        masters.stream().skip(1).forEach(duplicate -> tally.count(NotKept.DUPLICATE));
        VEvent master = masters.isEmpty() ? null : masters.get(0);
        if (master != null) {
            if (master.getStartDate().isEmpty()) {
                tally.count(NotKept.NO_START);
            } else if (outOfBounds(master)) {
                tally.count(NotKept.OUTSIDE_DATE_RANGE);
            } else {
                boolean recurring = !master.getProperties(Property.RRULE).isEmpty()
                        || !master.getProperties(Property.RDATE).isEmpty();
                List<Period<Temporal>> instances = expand(source, uid, master, from, to);
                if (instances.isEmpty()) {
                    tally.count(outsideWindow(master, to));
                }
                for (Period<Temporal> instance : instances) {
                    String id = recurring ? uid + "/" + instant(instance.getStart()) : uid;
                    place(source, id, master, instance, appointments, gone, tally);
                }
            }
        }
        Set<String> overridden = new java.util.HashSet<>();
        for (VEvent override : events) {
            Optional<RecurrenceId<Temporal>> recurrenceId = override.getProperty(Property.RECURRENCE_ID);
            if (recurrenceId.isEmpty()) {
                continue;
            }
            String id = uid + "/" + instant(recurrenceId.get().getDate());
            if (!overridden.add(id)) {
                tally.count(NotKept.DUPLICATE);
            }
            appointments.remove(id);
            if (override.getStartDate().isEmpty()) {
                tally.count(NotKept.NO_START);
                continue;
            }
            if (outOfBounds(override)) {
                tally.count(NotKept.OUTSIDE_DATE_RANGE);
                continue;
            }
            List<Period<Temporal>> instances = expand(source, uid, override, from, to);
            if (instances.isEmpty()) {
                tally.count(outsideWindow(override, to));
            }
            for (Period<Temporal> instance : instances) {
                place(source, id, override, instance, appointments, gone, tally);
            }
        }
        return tally;
    }

    /** Which side of the window an event with no instance in it lies on, by its start. */
    private static NotKept outsideWindow(VEvent event, ZonedDateTime to) {
        Instant start = instant(event.getStartDate().orElseThrow().getDate());
        return start.isBefore(to.toInstant()) ? NotKept.ENDED_BEFORE_WINDOW : NotKept.BEYOND_WINDOW;
    }

    private static void place(String source, String id, VEvent event, Period<Temporal> instance,
            Map<String, BlockedAppointment> appointments, Set<String> gone, CalendarImport.Tally tally) {
        if (!blocks(event)) {
            appointments.remove(id);
            gone.add(id);
            tally.count(cancelled(event) ? NotKept.CANCELLED : NotKept.FREE_TIME);
            return;
        }
        Instant start = instant(instance.getStart());
        Instant end = instant(instance.getEnd());
        if (instance.getStart() instanceof LocalDate && !end.isAfter(start)) {
            end = startOfNextDay((LocalDate) instance.getStart());
        }
        String categories = String.join(",", event.getProperties(Property.CATEGORIES).stream().map(Property::getValue).toList());
        appointments.put(id, new BlockedAppointment(source, id, title(event),
                AppointmentKinds.classify(categories, AppointmentKind.SERVICE_MEETING), start, end));
    }

    /** The instances of {@code event} within the window; a single event yields itself if it lies within. */
    private static List<Period<Temporal>> expand(String source, String uid, VEvent event, ZonedDateTime from, ZonedDateTime to) {
        for (RRule<?> rule : event.<RRule<?>>getProperties(Property.RRULE)) {
            if (TOO_FINE.contains(rule.getRecur().getFrequency())) {
                throw Refusal.sourceFailed(source, "event " + uid + " recurs " + rule.getRecur().getFrequency()
                        + "; only daily or coarser rules are supported");
            }
        }
        Optional<DtStart<Temporal>> start = event.getStartDate();
        if (start.isPresent()) {
            refuseRulesTooLargeToExpand(source, uid, event, instant(start.get().getDate()), from, to);
        }
        Period<?> window = start.isPresent() && start.get().getDate() instanceof LocalDateTime
                ? new Period<>(from.toLocalDateTime(), to.toLocalDateTime()) // floating time
                : new Period<>(from, to);
        Set<Period<Temporal>> instances = event.calculateRecurrenceSet(window);
        if (instances.size() > MAX_INSTANCES_PER_EVENT) {
            throw Refusal.sourceFailed(source, "event " + uid + " has more than " + MAX_INSTANCES_PER_EVENT
                    + " instances in the window");
        }
        return instances.stream().sorted((a, b) -> instant(a.getStart()).compareTo(instant(b.getStart()))).toList();
    }

    /**
     * Refuses, before anything is expanded, an event whose rules could yield more than {@link #MAX_INSTANCES_PER_EVENT}
     * instances in the window, or make ical4j generate more than {@link #MAX_CANDIDATES_PER_EVENT} candidates from
     * the event's start to the window's end (it walks every period from DTSTART and builds each period's candidates
     * before it filters). Both are upper bounds from the rule alone (FREQ, INTERVAL, COUNT, UNTIL and the sizes of the
     * BY* lists), so a 600-byte rule naming every hour, minute and second is refused in microseconds instead of
     * expanding to millions of instances; a weekly or monthly series stays far below both.
     */
    private static void refuseRulesTooLargeToExpand(String source, String uid, VEvent event, Instant start,
            ZonedDateTime from, ZonedDateTime to) {
        double inWindow = 0;
        double candidates = 0;
        for (RRule<?> rule : event.<RRule<?>>getProperties(Property.RRULE)) {
            Recur<?> recur = rule.getRecur();
            Instant end = to.toInstant();
            if (recur.getUntil() != null && instant(recur.getUntil()).isBefore(end)) {
                end = instant(recur.getUntil());
            }
            double perPeriod = candidatesPerPeriod(recur);
            double kept = recur.getSetPosList().isEmpty() ? perPeriod : Math.min(perPeriod, recur.getSetPosList().size());
            double instances = periods(recur, start.isAfter(from.toInstant()) ? start : from.toInstant(), end) * kept;
            if (recur.getCount() > 0) {
                instances = Math.min(instances, recur.getCount());
            }
            inWindow += instances;
            candidates += periods(recur, start, end) * perPeriod;
        }
        if (inWindow > MAX_INSTANCES_PER_EVENT) {
            throw Refusal.sourceFailed(source, "event " + uid + " could recur more than " + MAX_INSTANCES_PER_EVENT
                    + " instances in the window (by its rule's frequency and BY* lists); refused without expanding it");
        }
        if (candidates > MAX_CANDIDATES_PER_EVENT) {
            throw Refusal.sourceFailed(source, "event " + uid + " has a rule too large to expand (more than "
                    + MAX_CANDIDATES_PER_EVENT + " candidate instances from its start); refused without expanding it");
        }
    }

    /** How many periods of the rule's frequency and interval there are, at most, from {@code first} to {@code last}. */
    private static double periods(Recur<?> recur, Instant first, Instant last) {
        if (!last.isAfter(first)) {
            return 1;
        }
        LocalDate a = first.atZone(GroupTime.ZONE).toLocalDate();
        LocalDate b = last.atZone(GroupTime.ZONE).toLocalDate();
        ChronoUnit unit = switch (recur.getFrequency()) {
            case YEARLY -> ChronoUnit.YEARS;
            case MONTHLY -> ChronoUnit.MONTHS;
            case WEEKLY -> ChronoUnit.WEEKS;
            default -> ChronoUnit.DAYS;
        };
        return (double) unit.between(a, b) / Math.max(1, recur.getInterval()) + 2;
    }

    /** An upper bound of the candidates one period of the rule yields: its days times the times of day listed. */
    private static double candidatesPerPeriod(Recur<?> recur) {
        double times = atLeastOne(recur.getHourList()) * atLeastOne(recur.getMinuteList()) * atLeastOne(recur.getSecondList());
        return daysPerPeriod(recur) * times;
    }

    private static double daysPerPeriod(Recur<?> recur) {
        int months = recur.getMonthList().size();
        int monthDays = recur.getMonthDayList().size();
        int yearDays = recur.getYearDayList().size();
        int weeks = recur.getWeekNoList().size();
        long numberedDays = recur.getDayList().stream().filter(day -> day.getOffset() != 0).count();
        long everyDays = recur.getDayList().size() - numberedDays;
        return switch (recur.getFrequency()) {
            case YEARLY -> {
                boolean dayRules = monthDays + yearDays + weeks + recur.getDayList().size() > 0;
                if (!dayRules) {
                    yield Math.max(1, months);
                }
                int inMonths = months > 0 ? months : 12;
                double days = yearDays + 7.0 * weeks + (double) inMonths * monthDays
                        + (months > 0 ? inMonths * (5.0 * everyDays + numberedDays) : 53.0 * everyDays + numberedDays);
                yield Math.min(366, days);
            }
            case MONTHLY -> Math.min(31, Math.max(1, monthDays + 5.0 * everyDays + numberedDays));
            case WEEKLY -> Math.min(7, Math.max(1, recur.getDayList().size()));
            default -> 1;
        };
    }

    private static double atLeastOne(List<?> list) {
        return Math.max(1, list.size());
    }

    /**
     * Whether a date of the event (DTSTART, DTEND, RECURRENCE-ID, a rule's UNTIL) lies outside
     * {@link TemporalBounds}: such an event is no time the group meets in, so it is skipped and counted.
     */
    private static boolean outOfBounds(VEvent event) {
        List<Temporal> dates = new ArrayList<>();
        event.getStartDate().ifPresent(start -> dates.add(start.getDate()));
        event.<DtEnd<Temporal>>getProperty(Property.DTEND).ifPresent(end -> dates.add(end.getDate()));
        event.<RecurrenceId<Temporal>>getProperty(Property.RECURRENCE_ID).ifPresent(id -> dates.add(id.getDate()));
        for (RRule<?> rule : event.<RRule<?>>getProperties(Property.RRULE)) {
            dates.add(rule.getRecur().getUntil());
        }
        return dates.stream().anyMatch(date -> TemporalBounds.problem(date).isPresent());
    }

    private static boolean blocks(VEvent event) {
        boolean transparent = event.getProperty(Property.TRANSP).map(Property::getValue).map("TRANSPARENT"::equalsIgnoreCase)
                .orElse(false);
        return !cancelled(event) && !transparent;
    }

    private static boolean cancelled(VEvent event) {
        return event.getProperty(Property.STATUS).map(Property::getValue).map("CANCELLED"::equalsIgnoreCase).orElse(false);
    }

    private static String title(VEvent event) {
        String summary = summary(event);
        if (summary.isEmpty()) {
            return "Termin";
        }
        return summary.length() > TextKind.TITLE.max() ? summary.substring(0, TextKind.TITLE.max()) : summary;
    }

    private static String summary(VEvent event) {
        return event.getProperty(Property.SUMMARY).map(Property::getValue).map(String::trim).orElse("");
    }

    /** A date-time of any of the forms RFC 5545 allows, as an instant; dates and floating times are Berlin's. */
    static Instant instant(Temporal temporal) {
        Instant instant;
        if (temporal instanceof ZonedDateTime zoned) {
            instant = zoned.toInstant();
        } else if (temporal instanceof OffsetDateTime offset) {
            instant = offset.toInstant();
        } else if (temporal instanceof Instant exact) {
            instant = exact;
        } else if (temporal instanceof LocalDateTime floating) {
            instant = floating.atZone(GroupTime.ZONE).toInstant();
        } else if (temporal instanceof LocalDate date) {
            instant = GroupTime.startOfDay(date);
        } else {
            throw new IllegalArgumentException("unsupported date-time " + temporal);
        }
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant startOfNextDay(LocalDate date) {
        return GroupTime.startOfDay(date.plusDays(1));
    }
}
