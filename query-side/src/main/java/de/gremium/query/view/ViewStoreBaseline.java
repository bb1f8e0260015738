package de.gremium.query.view;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import de.gremium.platform.record.RecordIdentity;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Makes sure, before the event processors start, that the views were built from the record this query side reads,
 * and rebuilds them all from the beginning of the record otherwise.
 *
 * <p>The views are in MongoDB, their processors' tokens in the record (PostgreSQL), so a view write and the token
 * that follows it are not one transaction. Idempotent handlers make a batch delivered again harmless; what they
 * cannot repair is a view store that lost writes whose tokens were committed (the embedded view server's file
 * after a crash) or that is empty or belongs to another record, or views whose documents an older version of the
 * code wrote in another shape. The view store therefore carries a marker, the <em>baseline</em>: a document
 * {@code {_id: "baseline", recordId, viewsVersion, builtAt}} in {@value #COLLECTION}, written once every view was
 * emptied and every token reset, so that the processors build the views from the record's first event. When the
 * marker is missing (a new or emptied view store; the embedded view server sets its file aside after an unclean
 * stop, so a crash looks the same), names another record (a replaced database) or another {@link #VIEWS_VERSION}
 * (views written by an older or newer version of the code), every view collection is emptied (its indexes kept),
 * the tokens and dead letters of every event processor of the query side are deleted, and the marker is written, in
 * that order: a crash in between leaves no marker, and the next start does it again.
 *
 * <p>Two query-side processes that start together on the same stores would both find the marker missing; the
 * rebuild runs under a PostgreSQL advisory lock (on a connection of its own, so that it is held by this process
 * alone), and the process that waited finds the marker written and keeps it.
 */
@Component
public class ViewStoreBaseline {

    /**
     * The shape of the views' documents. Bump it whenever a change makes the documents a projection writes differ from
     * those it wrote before (a field added, renamed or removed, a value stored differently, a new meaning): the next
     * start of a query side then finds the marker of the older version and rebuilds every view from the record, once.
     * A marker without a version was written before versions existed: version 1. Changes that only add a view (a new
     * collection) or an index need no bump. 2: trace nodes store their step ({@code TraceStep}) instead of the event's
     * class name, and their links as lists. 3: the trace also has nodes for a report's added details and solution
     * proposals, which a view built before lacks. 4: scheduling polls keep the members of the group at their opening
     * ({@code membersAtOpening}), taken from the group's events that the polls' processor now follows too. 5: members
     * of the directory keep their e-mail address and notification settings ({@code email}, {@code notifications}).
     */
    static final int VIEWS_VERSION = 5;

    /** The view store's own collection: not a view, never emptied by a rebuild. */
    static final String COLLECTION = "view_store";
    static final String MARKER_ID = "baseline";
    /** The key of the advisory lock that serialises rebuilds across query-side processes. */
    static final long LOCK_KEY = ViewRebuild.LOCK_KEY;

    /** Told before a rebuild empties the views, to record what would otherwise be lost without a trace. */
    @FunctionalInterface
    public interface BeforeRebuild {
        void viewsAboutToBeEmptied();
    }

    /** What a check found. */
    public enum Outcome {
        /** The marker names this record: every view is as its processor's token says. */
        KEPT,
        /** The views were emptied and the processors reset: they build every view from the record's start. */
        REBUILT
    }

    private static final Logger log = LoggerFactory.getLogger(ViewStoreBaseline.class);

    private final MongoDatabaseFactory views;
    private final DataSource record;
    private final Supplier<UUID> recordId;
    private final List<BeforeRebuild> beforeRebuild;
    private final Clock clock;

    @Autowired
    ViewStoreBaseline(MongoDatabaseFactory views, DataSource record, RecordIdentity identity, List<BeforeRebuild> beforeRebuild) {
        this(views, record, identity::id, beforeRebuild, Clock.systemUTC());
    }

    ViewStoreBaseline(MongoDatabaseFactory views, DataSource record, Supplier<UUID> recordId, List<BeforeRebuild> beforeRebuild,
            Clock clock) {
        this.views = views;
        this.record = record;
        this.recordId = recordId;
        this.beforeRebuild = List.copyOf(beforeRebuild);
        this.clock = clock;
    }

    /**
     * Keeps the views if the marker names this record; otherwise empties them and resets the given processors, so
     * that they rebuild every view from the record.
     *
     * @param processors the names of every event processor of the query side (their processing groups)
     */
    public Outcome ensure(Collection<String> processors) {
        String id = recordId.get().toString();
        MongoDatabase database = views.getMongoDatabase();
        Document marker = marker(database);
        if (builtFrom(marker, id)) {
            log.info("The views in {} (version {}) were built from record {} (baseline of {}): the processors go on from "
                    + "their tokens", database.getName(), VIEWS_VERSION, id,
                    marker.get("builtAt") instanceof Date builtAt ? builtAt.toInstant() : null);
            return Outcome.KEPT;
        }
        return ViewRebuild.locked(record, database.getName(), connection -> {
            // another query-side process may have rebuilt while this one waited for the lock
            Document current = marker(database);
            if (builtFrom(current, id)) {
                log.info("The views in {} were rebuilt from record {} by another query-side process", database.getName(), id);
                return Outcome.KEPT;
            }
            if (current == null) {
                log.warn("The view store {} has no baseline: it is new, or it was emptied (the embedded view server sets "
                        + "its file aside after an unclean stop). Every view is rebuilt from record {}.",
                        database.getName(), id);
            } else if (!id.equals(current.get("recordId"))) {
                log.warn("The views in {} were built from record {}, but this query side reads record {} (a replaced or "
                        + "restored database): every view is rebuilt from it.", database.getName(), current.get("recordId"), id);
            } else {
                log.warn("The views in {} are of version {}, this query side writes version {}: every view is rebuilt "
                        + "from record {}.", database.getName(), viewsVersion(current), VIEWS_VERSION, id);
            }
            rebuild(database, connection, processors, id);
            return Outcome.REBUILT;
        });
    }

    private void rebuild(MongoDatabase database, Connection connection, Collection<String> processors, String id)
            throws SQLException {
        beforeRebuild.forEach(BeforeRebuild::viewsAboutToBeEmptied);
        ViewRebuild.Reset reset = ViewRebuild.reset(database, connection, processors, Set.of());
        database.getCollection(COLLECTION).replaceOne(new Document("_id", MARKER_ID),
                new Document("_id", MARKER_ID).append("recordId", id).append("viewsVersion", VIEWS_VERSION)
                        .append("builtAt", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
        log.warn("Views reset: {} documents deleted from {} collections {} (indexes kept); {} token rows and {} dead letters of "
                + "the processors {} deleted. The processors now build every view from the beginning of record {}; the "
                + "audit hash chain starts again from the record as it stands (docs/audit.md).", reset.documents(),
                reset.collections().size(), reset.collections(), reset.tokens(), reset.deadLetters(), processors, id);
    }

    private static Document marker(MongoDatabase database) {
        return database.getCollection(COLLECTION).find(new Document("_id", MARKER_ID)).first();
    }

    /** Whether the views are of this version and were built from this record. */
    private static boolean builtFrom(Document marker, String recordId) {
        return marker != null && recordId.equals(marker.get("recordId")) && viewsVersion(marker) == VIEWS_VERSION;
    }

    private static int viewsVersion(Document marker) {
        return marker.get("viewsVersion") instanceof Number version ? version.intValue() : 1;
    }
}
