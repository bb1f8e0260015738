package de.gremium.query.network;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.events.PolicyField;
import de.gremium.events.network.NetworkProjectAnnounced;
import de.gremium.events.network.NetworkProjectCompleted;
import de.gremium.events.network.NetworkProjectDropped;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkProjectUpdated;
import de.gremium.query.network.NetworkFeedEntry.Change;
import de.gremium.query.network.NetworkFeedEntry.EntryKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds the network-group feed: one entry per event (a history, set on insert only, keyed by project
 * and sequence) and one current-state document per project (the announcement an upsert that sets
 * fields on insert only, every later event applied {@code where version < sequence}). Each handler
 * writes the entry first: a project document at this event's version proves the entry exists, so a
 * redelivered event finds nothing to do, and an entry is always built from the state before its event.
 */
@Component
@ProcessingGroup(NetworkFeedProjection.GROUP)
public class NetworkFeedProjection {

    public static final String GROUP = "network-feed";

    private final MongoTemplate mongo;

    public NetworkFeedProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(NetworkProjectAnnounced event, @SequenceNumber long sequence) {
        String id = event.projectId().value();
        insertOnce(new NetworkFeedEntry(NetworkFeedEntry.id(id, sequence), id, sequence, EntryKind.ANNOUNCED,
                NetworkFeedEntry.heading(event.workingGroup(), event.title(), EntryKind.ANNOUNCED), event.workingGroup(),
                event.title(), event.description(), event.policyFields(), event.status(), event.startDate(),
                event.endDate(), event.contact(), List.of(), null, null, event.announcedBy(), event.announcedAt()));
        mongo.upsert(query(where("_id").is(id)), new Update()
                .setOnInsert("workingGroup", event.workingGroup())
                .setOnInsert("title", event.title())
                .setOnInsert("description", event.description())
                .setOnInsert("policyFields", event.policyFields())
                .setOnInsert("status", event.status())
                .setOnInsert("startDate", event.startDate())
                .setOnInsert("endDate", event.endDate())
                .setOnInsert("contact", event.contact())
                .setOnInsert("announcedBy", event.announcedBy())
                .setOnInsert("announcedAt", event.announcedAt())
                .setOnInsert("lastChangedBy", event.announcedBy())
                .setOnInsert("lastChangedAt", event.announcedAt())
                .setOnInsert("version", sequence), NetworkProjectView.class);
    }

    @EventHandler
    void on(NetworkProjectUpdated event, @SequenceNumber long sequence) {
        NetworkProjectView before = notYetAt(event.projectId().value(), sequence);
        if (before == null) {
            return;
        }
        insertOnce(new NetworkFeedEntry(NetworkFeedEntry.id(before.id(), sequence), before.id(), sequence,
                EntryKind.UPDATED, NetworkFeedEntry.heading(before.workingGroup(), event.title(), EntryKind.UPDATED),
                before.workingGroup(), event.title(), event.description(), event.policyFields(), event.status(),
                event.startDate(), event.endDate(), event.contact(), changes(before, event), null, null,
                event.updatedBy(), event.updatedAt()));
        applyIfNewer(before.id(), sequence, event.updatedBy(), event.updatedAt(), new Update()
                .set("title", event.title())
                .set("description", event.description())
                .set("policyFields", event.policyFields())
                .set("status", event.status())
                .set("startDate", event.startDate())
                .set("endDate", event.endDate())
                .set("contact", event.contact()));
    }

    @EventHandler
    void on(NetworkProjectCompleted event, @SequenceNumber long sequence) {
        NetworkProjectView before = notYetAt(event.projectId().value(), sequence);
        if (before == null) {
            return;
        }
        insertOnce(ending(before, sequence, EntryKind.COMPLETED, NetworkProjectStatus.COMPLETED, event.summary(),
                event.completedOn(), event.recordedBy(), event.recordedAt()));
        applyIfNewer(before.id(), sequence, event.recordedBy(), event.recordedAt(), new Update()
                .set("status", NetworkProjectStatus.COMPLETED)
                .set("completion", new NetworkProjectView.Completion(event.summary(), event.completedOn(),
                        event.recordedBy(), event.recordedAt())));
    }

    @EventHandler
    void on(NetworkProjectDropped event, @SequenceNumber long sequence) {
        NetworkProjectView before = notYetAt(event.projectId().value(), sequence);
        if (before == null) {
            return;
        }
        insertOnce(ending(before, sequence, EntryKind.DROPPED, NetworkProjectStatus.DROPPED, event.reason(), null,
                event.recordedBy(), event.recordedAt()));
        applyIfNewer(before.id(), sequence, event.recordedBy(), event.recordedAt(), new Update()
                .set("status", NetworkProjectStatus.DROPPED)
                .set("dropping", new NetworkProjectView.Dropping(event.reason(), event.recordedBy(), event.recordedAt())));
    }

    /** A replay starts from an empty feed (emptied, not dropped, so that the indexes stay). */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), NetworkFeedEntry.class);
        mongo.remove(new Query(), NetworkProjectView.class);
    }

    /** The project before this event, or null if the event was applied already (or its project is unknown). */
    private NetworkProjectView notYetAt(String projectId, long sequence) {
        NetworkProjectView project = mongo.findById(projectId, NetworkProjectView.class);
        return project == null || project.version() >= sequence ? null : project;
    }

    private static NetworkFeedEntry ending(NetworkProjectView p, long sequence, EntryKind kind, NetworkProjectStatus status,
            String note, LocalDate completedOn, String actor, Instant at) {
        return new NetworkFeedEntry(NetworkFeedEntry.id(p.id(), sequence), p.id(), sequence, kind,
                NetworkFeedEntry.heading(p.workingGroup(), p.title(), kind), p.workingGroup(), p.title(), p.description(),
                p.policyFields(), status, p.startDate(), p.endDate(), p.contact(), List.of(), note, completedOn, actor, at);
    }

    /** What the update changed, in the order the feed names it. */
    static List<Change> changes(NetworkProjectView before, NetworkProjectUpdated after) {
        List<Change> changes = new ArrayList<>();
        compare(changes, "status", before.status(), after.status());
        compare(changes, "startDate", before.startDate(), after.startDate());
        compare(changes, "endDate", before.endDate(), after.endDate());
        compare(changes, "contact", before.contact(), after.contact());
        compare(changes, "title", before.title(), after.title());
        compare(changes, "policyFields", names(before.policyFields()), names(after.policyFields()));
        if (!Objects.equals(before.description(), after.description())) {
            changes.add(new Change("description", null, null));
        }
        return changes;
    }

    private static void compare(List<Change> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(field, before == null ? null : before.toString(), after == null ? null : after.toString()));
        }
    }

    private static String names(Set<PolicyField> fields) {
        return fields == null ? null : fields.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** Set on insert only, so a redelivered event writes nothing. */
    private void insertOnce(NetworkFeedEntry entry) {
        Document fields = new Document();
        mongo.getConverter().write(entry, fields);
        Update insert = new Update();
        fields.forEach((field, value) -> {
            if (!"_id".equals(field)) {
                insert.setOnInsert(field, value);
            }
        });
        mongo.upsert(query(where("_id").is(entry.id())), insert, NetworkFeedEntry.class);
    }

    private void applyIfNewer(String projectId, long sequence, String actor, Instant at, Update update) {
        mongo.updateFirst(query(where("_id").is(projectId).and("version").lt(sequence)),
                update.set("version", sequence).set("lastChangedBy", actor).set("lastChangedAt", at),
                NetworkProjectView.class);
    }
}
