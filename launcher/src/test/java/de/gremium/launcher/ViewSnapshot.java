package de.gremium.launcher;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/** Every view document of a view store, by collection and id: what two builds of the views must agree on. */
final class ViewSnapshot {

    /**
     * Collections that are not compared: the view store's own marker, and the audit log and its chain, which
     * record when each event was chained (they are checked by their own verification).
     */
    static final Set<String> NOT_COMPARED = Set.of("view_store", "audit_log", "event_chain");

    private ViewSnapshot() {
    }

    static Map<String, List<Document>> of(MongoDatabase views) {
        Map<String, List<Document>> snapshot = new LinkedHashMap<>();
        views.listCollectionNames().into(new ArrayList<>()).stream().sorted()
                .filter(name -> !NOT_COMPARED.contains(name) && !name.startsWith("system."))
                .forEach(name -> snapshot.put(name, views.getCollection(name).find().sort(new Document("_id", 1))
                        .into(new ArrayList<>())));
        snapshot.values().removeIf(List::isEmpty);
        return snapshot;
    }
}
