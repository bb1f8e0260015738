package de.gremium.command.calendar;

import de.gremium.events.calendar.BlockedAppointment;
import de.gremium.events.calendar.BlockedCalendarSynced;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The blocked appointments as the command side knows them, for the sync (what changed?) and the planner
 * (what clashes?). Kept by a subscribing processor (see {@link BlockedCalendarLookupConfiguration}), so
 * it is up to date when the command that recorded a sync returns. Upserts by key and deletes, so
 * handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(BlockedAppointmentLookup.PROCESSING_GROUP)
class BlockedAppointmentLookup {

    static final String PROCESSING_GROUP = "blocked-calendar-lookup";
    static final int MAX_LISTED = 5_000;

    private final MongoTemplate mongo;

    BlockedAppointmentLookup(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(BlockedCalendarSynced event) {
        if (!event.upserted().isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, BlockedAppointmentEntry.class);
            for (BlockedAppointment appointment : event.upserted()) {
                BlockedAppointmentEntry entry = BlockedAppointmentEntry.of(appointment);
                bulk.replaceOne(Query.query(Criteria.where("_id").is(entry.id())), entry,
                        FindAndReplaceOptions.options().upsert());
            }
            bulk.execute();
        }
        if (!event.removedExternalIds().isEmpty()) {
            List<String> keys = event.removedExternalIds().stream()
                    .map(id -> BlockedAppointmentEntry.key(event.source(), id)).toList();
            mongo.remove(Query.query(Criteria.where("_id").in(keys)), BlockedAppointmentEntry.class);
        }
        // all syncs go through the one aggregate, so they arrive here one at a time
        Instant recorded = modifiedUntil(event.source()).orElse(null);
        Instant proposed = event.sourceModifiedUntil();
        Instant modifiedUntil = proposed == null || (recorded != null && recorded.isAfter(proposed)) ? recorded : proposed;
        mongo.save(new BlockedCalendarSourceEntry(event.source(), modifiedUntil, event.syncedAt(), event.syncedBy()));
    }

    /** Appointments that overlap [from, to), by start. */
    List<BlockedAppointment> overlapping(Instant from, Instant to) {
        Query query = Query.query(Criteria.where("start").lt(to).and("end").gt(from))
                .with(Sort.by("start", "end", "title")).limit(MAX_LISTED);
        return mongo.find(query, BlockedAppointmentEntry.class).stream().map(BlockedAppointmentEntry::appointment).toList();
    }

    /** Everything imported from {@code source}, by external id. */
    Map<String, BlockedAppointment> ofSource(String source) {
        Map<String, BlockedAppointment> bySource = new LinkedHashMap<>();
        Query ofSource = Query.query(Criteria.where("source").is(source));
        for (BlockedAppointmentEntry entry : mongo.find(ofSource, BlockedAppointmentEntry.class)) {
            bySource.put(entry.externalId(), entry.appointment());
        }
        return bySource;
    }

    /** How far the source was read, for {@code modified_since}. */
    Optional<Instant> modifiedUntil(String source) {
        return Optional.ofNullable(mongo.findById(source, BlockedCalendarSourceEntry.class))
                .map(BlockedCalendarSourceEntry::modifiedUntil);
    }
}
