package de.gremium.command.calendar;

import static de.gremium.command.calendar.BlockedCalendarRules.appointmentsAreWellFormed;
import static de.gremium.command.calendar.BlockedCalendarRules.modifiedUntilNeverGoesBack;
import static de.gremium.command.calendar.BlockedCalendarRules.nothingIsBothUpsertedAndRemoved;
import static de.gremium.command.calendar.BlockedCalendarRules.requireActorAndTime;
import static de.gremium.command.calendar.BlockedCalendarRules.requireLists;
import static de.gremium.command.calendar.BlockedCalendarRules.requireSource;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.gremium.events.calendar.BlockedCalendarId;
import de.gremium.events.calendar.BlockedCalendarSynced;
import de.gremium.events.calendar.RecordBlockedCalendarSync;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The sessions of the council, its committees and the administration's service meetings that the
 * group's meetings must avoid, as imported from their sources. One for the group, created by the first
 * sync. It remembers how far each incremental source was read; the appointments themselves are kept in
 * the command-side lookup, which the sync service and the planner read.
 */
@Aggregate(cache = "aggregateCache")
public class BlockedCalendar {

    /** The group's one blocked calendar. */
    public static final BlockedCalendarId ID = new BlockedCalendarId("blocked-calendar");

    @AggregateIdentifier
    private BlockedCalendarId calendarId;
    private final Map<String, Instant> modifiedUntilBySource = new HashMap<>();

    protected BlockedCalendar() {
        // for Axon: event sourcing, and creation by the first sync
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordBlockedCalendarSync command) {
        requireSource(command.source());
        requireActorAndTime(command.syncedBy(), command.syncedAt());
        requireLists(command.upserted(), command.removedExternalIds());
        appointmentsAreWellFormed(command.source(), command.upserted());
        nothingIsBothUpsertedAndRemoved(command.upserted(), command.removedExternalIds());
        modifiedUntilNeverGoesBack(modifiedUntilBySource.get(command.source()), command.sourceModifiedUntil());
        apply(new BlockedCalendarSynced(command.calendarId(), command.source(), command.upserted(),
                command.removedExternalIds(), command.sourceModifiedUntil(), command.syncedBy(), command.syncedAt()));
    }

    @EventSourcingHandler
    void on(BlockedCalendarSynced event) {
        calendarId = event.calendarId();
        if (event.sourceModifiedUntil() != null) {
            modifiedUntilBySource.put(event.source(), event.sourceModifiedUntil());
        }
    }
}
