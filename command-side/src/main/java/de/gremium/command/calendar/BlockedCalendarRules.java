package de.gremium.command.calendar;

import static de.gremium.platform.refusal.Refusal.conflict;
import static de.gremium.platform.refusal.Refusal.invalid;

import de.gremium.command.values.TextKind;
import de.gremium.events.calendar.BlockedAppointment;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a recorded sync must satisfy, named once so that the handler reads as guard clauses. */
final class BlockedCalendarRules {

    private BlockedCalendarRules() {
    }

    static void requireSource(String source) {
        TextKind.SOURCE.require("source", source);
    }

    static void requireActorAndTime(String syncedBy, Instant syncedAt) {
        if (syncedBy == null || syncedBy.isBlank() || syncedAt == null) {
            throw invalid("syncedBy", "a sync is recorded with who and when");
        }
    }

    static void requireLists(List<BlockedAppointment> upserted, List<String> removed) {
        if (upserted == null || upserted.stream().anyMatch(Objects::isNull)) {
            throw invalid("upserted", "upserted must be a list of appointments (empty when none)");
        }
        if (removed == null || removed.stream().anyMatch(Objects::isNull)) {
            throw invalid("removedExternalIds", "removedExternalIds must be a list of ids (empty when none)");
        }
    }

    /** Each appointment belongs to the synced source, once, has a key, a kind, and does not end before it starts. */
    static void appointmentsAreWellFormed(String source, List<BlockedAppointment> upserted) {
        Set<String> seen = new HashSet<>();
        for (BlockedAppointment appointment : upserted) {
            if (!source.equals(appointment.source())) {
                throw invalid("upserted", "appointment " + appointment.externalId() + " comes from " + appointment.source()
                        + ", not from " + source);
            }
            if (appointment.externalId() == null || appointment.externalId().isBlank()) {
                throw invalid("upserted", "every appointment needs an external id");
            }
            if (!seen.add(appointment.externalId())) {
                throw invalid("upserted", "appointment " + appointment.externalId() + " is listed twice");
            }
            if (appointment.kind() == null || appointment.title() == null) {
                throw invalid("upserted", "appointment " + appointment.externalId() + " needs a title and a kind");
            }
            if (appointment.start() == null || appointment.end() == null || appointment.end().isBefore(appointment.start())) {
                throw invalid("upserted", "appointment " + appointment.externalId() + " ends before it starts");
            }
        }
    }

    static void nothingIsBothUpsertedAndRemoved(List<BlockedAppointment> upserted, List<String> removed) {
        Set<String> removedIds = new HashSet<>(removed);
        for (BlockedAppointment appointment : upserted) {
            if (removedIds.contains(appointment.externalId())) {
                throw invalid("removedExternalIds", "appointment " + appointment.externalId() + " is both kept and removed");
            }
        }
    }

    /**
     * An incremental source's position only moves forward: a sync that read an older state than the one
     * already recorded would overwrite newer appointments with older ones.
     */
    static void modifiedUntilNeverGoesBack(Instant recorded, Instant proposed) {
        if (recorded != null && (proposed == null || proposed.isBefore(recorded))) {
            throw conflict("sourceModifiedUntil", "this source was already synced up to " + recorded
                    + "; a sync that read an older state (" + proposed + ") is refused, sync again");
        }
    }
}
