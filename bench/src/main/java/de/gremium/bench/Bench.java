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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import com.mongodb.client.model.Sorts;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
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
    /** Reports created through the command side's gateway (the fast preload), not through the API. */
    final AtomicLong gatewayReports = new AtomicLong();
    /** Event processors that did not catch up within --catch-up-limit: reported, and not waited for again. */
    final Set<String> leftBehind = ConcurrentHashMap.newKeySet();
    /** The recommendation whose trace the query phase reads, created once (see {@link TraceSetupPhase}). */
    TraceSetupPhase.Chain chain;
    private Document eventTemplate;

    Bench(BenchOptions options, GremiumUnderTest system, Api api, MongoClient raw, Report report) {
        this.options = options;
        this.system = system;
        this.api = api;
        this.raw = raw;
        this.report = report;
    }

    /**
     * Drops a collection if it exists (the embedded server logs an ERROR with a stack trace for a drop of
     * a collection that does not).
     */
    void drop(MongoCollection<Document> collection) {
        com.mongodb.MongoNamespace ns = collection.getNamespace();
        if (raw.getDatabase(ns.getDatabaseName()).listCollectionNames().into(new ArrayList<>()).contains(ns.getCollectionName())) {
            collection.drop();
        }
    }

    static void log(String message) {
        System.out.println("[" + CLOCK.format(LocalTime.now()) + "] " + message);
    }

    long storedEvents() {
        return events().countDocuments();
    }

    /** Every problem report that got a 201 (API) or whose command returned (gateway): all must reach the board. */
    long reportsCreated() {
        return api.created() + gatewayReports.get();
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
            events().listIndexes().forEach(index -> indexes.add(index.get("key", Document.class).toJson()
                    + (index.getBoolean("unique", false) ? " unique" : "")));
            report.context("raw documents: copies of a stored event (" + bytes + " bytes of BSON) into database "
                    + RawInsertPhase.DATABASE + ", indexed on _id only; indexes declared on " + EVENTS_COLLECTION + ": "
                    + String.join(", ", indexes) + " (on the embedded server: the unique ones by mongo-java-server, the others as Gremium's in-memory lookups, ADR 0002)");
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
        while (seen < reportsCreated() - lostViews.size()) {
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

    /** The newest stored event's timestamp. */
    Instant headTimestamp() {
        Document newest = events().find().sort(Sorts.descending("timestamp", "sequenceNumber")).limit(1).first();
        if (newest == null) {
            throw new BenchFailure("the event store is empty");
        }
        Object timestamp = newest.get("timestamp");
        return timestamp instanceof String text ? DateTimeUtils.parseInstant(text) : ((java.util.Date) timestamp).toInstant();
    }

    /** Whether the (possibly replay-wrapped) token has passed the event stamped {@code head}. */
    static boolean reached(TrackingToken token, Instant head) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current instanceof MongoTrackingToken mongo) {
            return !mongo.getTimestamp().isBefore(head);
        }
        // another token type: its position against the reset position is all Axon offers
        return current != null && !ReplayToken.isReplay(token);
    }

    /**
     * Waits until every streaming event processor of both sides (the query side's projections, the audit
     * log, the command side's policies) has caught up with the newest event stored now, so that a phase
     * does not compete with a backlog (the board being complete does not mean the audit log is). A
     * processor that makes no progress for --catch-up-timeout is noted and no longer waited for.
     */
    Duration awaitProcessorsCaughtUp() {
        return awaitProcessorsCaughtUp(options.catchUpLimit());
    }

    /** As {@link #awaitProcessorsCaughtUp()}, waiting at most {@code maxWait}. */
    Duration awaitProcessorsCaughtUp(Duration maxWait) {
        long start = System.nanoTime();
        Instant head = headTimestamp();
        long hardDeadline = start + Duration.ofMinutes(60).toNanos();
        Map<String, StreamingEventProcessor> processors = new java.util.TreeMap<>();
        system.queryProcessing().eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor s) {
                processors.put("query side " + name, s);
            }
        });
        system.commandProcessing().eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor s) {
                processors.put("command side " + name, s);
            }
        });
        Map<String, Instant> position = new HashMap<>();
        long limit = start + maxWait.toNanos();
        long lastProgress = start;
        long nextLog = start + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<String> behind = new ArrayList<>();
            boolean progressed = false;
            for (Map.Entry<String, StreamingEventProcessor> p : processors.entrySet()) {
                if (!p.getValue().isRunning() || leftBehind.contains(p.getKey())) {
                    continue;
                }
                Map<Integer, EventTrackerStatus> status = p.getValue().processingStatus();
                boolean done = !status.isEmpty() && status.values().stream()
                        .allMatch(s -> s.isCaughtUp() && reached(s.getTrackingToken(), head));
                if (!done) {
                    Instant at = status.values().stream().map(s -> timestampOf(s.getTrackingToken()))
                            .filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(Instant.EPOCH);
                    if (!at.equals(position.put(p.getKey(), at))) {
                        progressed = true;
                    }
                    behind.add(p.getKey() + " at " + at);
                }
            }
            long now = System.nanoTime();
            if (behind.isEmpty()) {
                return Duration.ofNanos(now - start);
            }
            if (progressed) {
                lastProgress = now;
            }
            if (now - lastProgress > options.catchUpTimeout().toNanos() || now > limit || now > hardDeadline) {
                String why = now > limit ? "still behind after " + Format.duration(maxWait)
                        : "without progress for " + Format.duration(options.catchUpTimeout());
                String stuck = "event processors not caught up with the store's head (" + head + "), " + why + ": " + behind
                        + "; not waited for again (" + report.current().label() + ")";
                log("  " + stuck);
                report.note(stuck);
                processors.keySet().stream().filter(name -> behind.stream().anyMatch(b -> b.startsWith(name + " at ")))
                        .forEach(leftBehind::add);
                return Duration.ofNanos(now - start);
            }
            if (now >= nextLog) {
                log("    waiting for " + behind.size() + " event processor(s) to catch up: " + behind);
                nextLog = now + Duration.ofSeconds(30).toNanos();
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static Instant timestampOf(TrackingToken token) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        return current instanceof MongoTrackingToken mongo ? mongo.getTimestamp() : null;
    }

    /**
     * The board complete (lost views named) and every event processor caught up: the system has no
     * backlog left. Returns how long that took.
     */
    Duration awaitQuiet() throws IOException, InterruptedException {
        Duration processors = awaitProcessorsCaughtUp(); // first: while they catch up the board may not grow for a while
        return processors.plus(awaitViewsCaughtUp());
    }

    /**
     * At the end of the run: a report counted as lost (not on the board when the catch-up timeout
     * struck) that is on the board now was late, not lost. Returns how many were late.
     */
    int recheckLostViews() {
        MongoCollection<Document> board = raw.getDatabase(system.database()).getCollection(BOARD_COLLECTION);
        int late = 0;
        for (String id : new ArrayList<>(lostViews)) {
            if (board.find(new Document("_id", id)).first() != null) {
                lostViews.remove(id);
                late++;
            }
        }
        return late;
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
        log("  LOST: the board shows " + seen + " of " + reportsCreated() + " reports and has not grown for "
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

    MongoCollection<Document> events() {
        return raw.getDatabase(system.database()).getCollection(EVENTS_COLLECTION);
    }
}
