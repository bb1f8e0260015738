package de.gremium.command.calendar;

import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.events.calendar.BlockedAppointment;
import de.gremium.events.calendar.RecordBlockedCalendarSync;
import de.gremium.platform.security.CurrentUser;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Imports a source into the blocked calendar: reads it, compares it with the lookup, and records what
 * changed as one {@link RecordBlockedCalendarSync}. Only new or changed appointments and removals of
 * appointments the lookup holds go into the event, so that repeating an unchanged import stores no
 * appointment twice.
 */
@Service
class BlockedCalendarSync {

    private final OParlMeetingSource oparl;
    private final IcsCalendarSource ics;
    private final BlockedAppointmentLookup lookup;
    private final CommandDispatcher commands;
    private final Clock clock;

    BlockedCalendarSync(OParlMeetingSource oparl, IcsCalendarSource ics, BlockedAppointmentLookup lookup,
            CommandDispatcher commands, Clock clock) {
        this.oparl = oparl;
        this.ics = ics;
        this.lookup = lookup;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * What a sync changed ({@code upserted}, {@code removed}), what it found as it was ({@code unchanged}), and what
     * the source listed but the lookup does not keep, by reason ({@code notKept}; {@code skipped} sums the entries
     * that could not be placed in time).
     */
    record Outcome(String source, int upserted, int unchanged, int removed, int skipped, Map<NotKept, Integer> notKept,
            Instant keptFrom, Instant keptUntil, Instant modifiedUntil) {
    }

    /** Reads an OParl meeting list, only what changed since the last sync of the same list. */
    Outcome syncOParl(URI listUrl) {
        String source = listUrl.toString();
        Instant since = lookup.modifiedUntil(source).orElse(null);
        CalendarImport read = oparl.read(listUrl, since, clock.instant());
        Instant modifiedUntil = since == null || (read.modifiedUntil() != null && read.modifiedUntil().isAfter(since))
                ? read.modifiedUntil() : since;
        return record(read, lookup.ofSource(source), modifiedUntil);
    }

    /** Reads a calendar file from a URL, in full. */
    Outcome importIcs(URI url) {
        String source = url.toString();
        return importIcs(source, ics.parse(source, ics.fetch(url)));
    }

    /**
     * Reads an uploaded calendar file, in full. Its source is "upload:" and the given name, else the
     * calendar's own name (X-WR-CALNAME), else "upload:ics"; uploads under the same name replace each other.
     */
    Outcome importUpload(String name, byte[] file) {
        IcsCalendarSource.IcsCalendar calendar = ics.parse("upload", file);
        String ownName = calendar.name() == null ? "ics" : calendar.name().substring(0, Math.min(calendar.name().length(), 100));
        String source = "upload:" + (name != null ? name : ownName);
        return importIcs(source, calendar);
    }

    private Outcome importIcs(String source, IcsCalendarSource.IcsCalendar calendar) {
        Map<String, BlockedAppointment> known = lookup.ofSource(source);
        return record(ics.read(source, calendar, known.keySet(), clock.instant()), known, null);
    }

    private Outcome record(CalendarImport read, Map<String, BlockedAppointment> known, Instant modifiedUntil) {
        List<BlockedAppointment> changed = read.upserted().stream()
                .filter(appointment -> !appointment.equals(known.get(appointment.externalId())))
                .toList();
        List<String> removed = read.removedExternalIds().stream().filter(known::containsKey).toList();
        commands.send(new RecordBlockedCalendarSync(BlockedCalendar.ID, read.source(), changed, removed, modifiedUntil,
                CurrentUser.id(), clock.instant()));
        return new Outcome(read.source(), changed.size(), read.upserted().size() - changed.size(), removed.size(),
                read.skipped(), read.notKept(), read.keptFrom(), read.keptUntil(), modifiedUntil);
    }
}
