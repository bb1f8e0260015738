package de.gremium.query.view;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import de.gremium.events.privacy.PrivacyEvent;
import de.gremium.platform.axon.StoppedProcessors;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * After an erasure ({@code PersonalDataErased}, {@code ProblemReportTextErased}) every view is built again from the
 * record, which now reads the erased values as placeholders: the views' upserts never overwrite what a replay brings
 * again, so nothing short of a rebuild takes the erased values out of them.
 *
 * <p>The rebuild is {@link ViewRebuild}'s, as at a start that finds no baseline, but while the processors run: they are
 * stopped, the view collections emptied (but the view store's own and the {@link Kept} ones: the audit hash chain,
 * whose links a replay finds again by event id), their tokens and dead letters deleted, the erasure noted, and the
 * processors started again from the record's first event. Only the processors whose tokens are in the record: one whose
 * token is in memory (the search) belongs to this process alone, and each process resets it itself
 * ({@code ErasedSearchIndex}).
 *
 * <p>Once only: the marker {@code {_id: "erasure", erasureId, position, handledAt}} in the view store keeps the position
 * in the record of the last erasure handled, and an erasure at or below it (a redelivery, a replay of this processing
 * group) changes nothing. This processor is never reset with the views, so a rebuild does not hand it the erasures
 * again; it starts at the head of the record, since a new view store is built from the record anyway.
 */
@Component
@ProcessingGroup(ErasedViews.GROUP)
public class ErasedViews {

    public static final String GROUP = "erased-views";
    static final String MARKER_ID = "erasure";

    /** A view collection that a rebuild after an erasure keeps, since it is about what is stored, not what it says. */
    @FunctionalInterface
    public interface Kept {
        String collection();
    }

    private static final Logger log = LoggerFactory.getLogger(ErasedViews.class);

    private final MongoDatabaseFactory views;
    private final DataSource record;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final Set<String> kept;
    private final Clock clock = Clock.systemUTC();

    ErasedViews(MongoDatabaseFactory views, DataSource record, ObjectProvider<EventProcessingConfiguration> processing,
            List<Kept> kept) {
        this.views = views;
        this.record = record;
        this.processing = processing;
        this.kept = kept.stream().map(Kept::collection).collect(Collectors.toUnmodifiableSet());
    }

    @EventHandler
    void on(PrivacyEvent erasure, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("an erasure without a position: " + token));
        MongoDatabase database = views.getMongoDatabase();
        if (handled(database, position)) {
            log.info("Erasure {} (position {}) was handled before: the views are not rebuilt again", erasure.erasureId(), position);
            return;
        }
        Map<String, StreamingEventProcessor> processors = viewProcessors();
        StoppedProcessors.stop(processors.values());
        try {
            ViewRebuild.locked(record, database.getName(), connection -> {
                if (handled(database, position)) { // another query-side process did it while this one waited
                    return null;
                }
                ViewRebuild.Reset reset = ViewRebuild.reset(database, connection, processors.keySet(), kept);
                database.getCollection(ViewStoreBaseline.COLLECTION).replaceOne(new Document("_id", MARKER_ID),
                        new Document("_id", MARKER_ID).append("erasureId", erasure.erasureId().value())
                                .append("position", position).append("handledAt", Date.from(clock.instant())),
                        new ReplaceOptions().upsert(true));
                log.warn("Erasure {} (position {}): {} documents deleted from {} collections {} ({} kept); {} token rows and {} "
                        + "dead letters of the processors {} deleted. The processors now build every view again from the "
                        + "record.", erasure.erasureId(), position, reset.documents(), reset.collections().size(),
                        reset.collections(), kept, reset.tokens(), reset.deadLetters(), processors.keySet());
                return null;
            });
        } finally {
            processors.values().forEach(EventProcessor::start);
        }
    }

    /** The processors of the views that every query-side process shares: those whose tokens are in the record. */
    private Map<String, StreamingEventProcessor> viewProcessors() {
        EventProcessingConfiguration config = processing.getObject();
        return config.eventProcessors().entrySet().stream()
                .filter(entry -> !entry.getKey().equals(GROUP))
                .filter(entry -> !(config.tokenStore(entry.getKey()) instanceof InMemoryTokenStore))
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> (StreamingEventProcessor) entry.getValue()));
    }

    private static boolean handled(MongoDatabase database, long position) {
        Document marker = database.getCollection(ViewStoreBaseline.COLLECTION).find(new Document("_id", MARKER_ID)).first();
        return marker != null && marker.get("position") instanceof Number last && last.longValue() >= position;
    }
}
