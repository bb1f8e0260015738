package de.gremium.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/** What every phase works with: the options, the running system, its API, a raw driver on its store, the report. */
final class Bench {

    /** Axon's default collection of the document-per-event storage. */
    static final String EVENTS_COLLECTION = "domainevents";
    /** The query side's view of problem reports. */
    static final String BOARD_COLLECTION = "problem_board";
    static final String AGGREGATE_TYPE = "ProblemReport";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    final BenchOptions options;
    final GremiumUnderTest system;
    final Api api;
    final MongoClient raw;
    final Report report;
    private final Set<String> lostViews = ConcurrentHashMap.newKeySet();
    private Document eventTemplate;

    Bench(BenchOptions options, GremiumUnderTest system, Api api, MongoClient raw, Report report) {
        this.options = options;
        this.system = system;
        this.api = api;
        this.raw = raw;
        this.report = report;
    }

    static void log(String message) {
        System.out.println("[" + CLOCK.format(LocalTime.now()) + "] " + message);
    }

    long storedEvents() {
        return events().countDocuments();
    }

    /**
     * A stored event as the command side wrote it, without its {@code _id}: the raw phases insert
     * copies of it, so that they write documents of exactly an event's shape and size.
     */
    Document eventTemplate() throws IOException, InterruptedException {
        if (eventTemplate == null) {
            Document ofAReport = new Document("type", AGGREGATE_TYPE);
            if (events().countDocuments(ofAReport) == 0) {
                api.submit("Benchmark template");
            }
            Document stored = events().find(ofAReport).first();
            if (stored == null) {
                throw new BenchFailure("no event in " + system.database() + "." + EVENTS_COLLECTION + " after a 201");
            }
            stored.remove("_id");
            eventTemplate = stored;
            int bytes = new RawBsonDocument(stored, new DocumentCodec()).getByteBuffer().remaining();
            List<String> indexes = new ArrayList<>();
            events().listIndexes().forEach(index -> indexes.add(index.get("key", Document.class).toJson()));
            report.context("raw documents: copies of a stored event (" + bytes + " bytes of BSON) into database "
                    + RawInsertPhase.DATABASE + ", indexed on _id only; indexes declared on " + EVENTS_COLLECTION + ": "
                    + String.join(", ", indexes) + " (the embedded server maintains only unique ones)");
        }
        return eventTemplate;
    }

    /**
     * Waits until the query side's board holds every report created so far and returns how long that
     * took. If the board stops growing for --catch-up-timeout while reports are missing, the missing
     * ones are looked up in the store, reported as lost, and the run goes on without them.
     */
    Duration awaitViewsCaughtUp() throws IOException, InterruptedException {
        long start = System.nanoTime();
        long hardDeadline = start + Duration.ofMinutes(30).toNanos();
        long seen = api.boardTotal();
        long lastProgress = System.nanoTime();
        while (seen < api.created() - lostViews.size()) {
            long now = System.nanoTime();
            if (now - lastProgress > options.catchUpTimeout().toNanos() || now > hardDeadline) {
                recordLostViews(seen);
                break;
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            long total = api.boardTotal();
            if (total > seen) {
                lastProgress = System.nanoTime();
            }
            seen = total;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Reports whose 201 the client got but that the query side does not show. */
    int lostViews() {
        return lostViews.size();
    }

    private void recordLostViews(long seen) {
        MongoDatabase db = raw.getDatabase(system.database());
        Map<String, Document> submitted = new HashMap<>();
        for (Document event : events().find(new Document("type", AGGREGATE_TYPE))
                .projection(new Document("aggregateIdentifier", 1).append("timestamp", 1).append("sequenceNumber", 1))) {
            submitted.putIfAbsent(event.getString("aggregateIdentifier"), event);
        }
        Set<String> onBoard = new HashSet<>();
        for (Document view : db.getCollection(BOARD_COLLECTION).find().projection(new Document("_id", 1))) {
            onBoard.add(String.valueOf(view.get("_id")));
        }
        List<String> missing = new ArrayList<>();
        submitted.keySet().stream().filter(id -> !onBoard.contains(id) && !lostViews.contains(id)).sorted()
                .forEach(missing::add);
        lostViews.addAll(missing);
        log("  LOST: the board shows " + seen + " of " + api.created() + " reports and has not grown for "
                + Format.duration(options.catchUpTimeout()) + "; not on the board: " + missing.size());
        if (missing.isEmpty()) {
            return;
        }
        List<Document> insertionOrder = new ArrayList<>();
        events().find().projection(new Document("timestamp", 1).append("aggregateIdentifier", 1))
                .sort(new Document("_id", 1)).forEach(insertionOrder::add);
        for (String id : missing.subList(0, Math.min(10, missing.size()))) {
            Document event = submitted.get(id);
            String detail = "report " + id + ": event timestamp " + event.get("timestamp");
            Long eventMillis = epochMillis(event.get("timestamp"));
            Long ack = api.acknowledgedAt(id);
            if (ack != null && eventMillis != null) {
                detail += ", its 201 arrived " + (ack - eventMillis) + " ms later";
            }
            detail += overtaken(insertionOrder, id, eventMillis);
            log("    " + detail);
            report.note("view lost: " + detail);
        }
    }

    /**
     * The driver numbers the documents it inserts (ObjectId), so {@code _id} order is insertion order:
     * how many events stamped later than this one were inserted before it, and by how much later.
     */
    private static String overtaken(List<Document> insertionOrder, String id, Long eventMillis) {
        if (eventMillis == null) {
            return "";
        }
        long maxLead = Long.MIN_VALUE;
        int overtaking = 0;
        for (Document earlier : insertionOrder) {
            if (id.equals(earlier.getString("aggregateIdentifier"))) {
                return overtaking == 0 ? "; inserted in timestamp order"
                        : "; inserted after " + overtaking + " events stamped up to " + maxLead + " ms later";
            }
            Long millis = epochMillis(earlier.get("timestamp"));
            if (millis != null && millis > eventMillis) {
                overtaking++;
                maxLead = Math.max(maxLead, millis - eventMillis);
            }
        }
        return "";
    }

    private static Long epochMillis(Object timestamp) {
        if (timestamp instanceof String text) {
            try {
                return Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return timestamp instanceof java.util.Date date ? date.getTime() : null;
    }

    private MongoCollection<Document> events() {
        return raw.getDatabase(system.database()).getCollection(EVENTS_COLLECTION);
    }
}
