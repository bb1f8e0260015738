package de.gremium.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;

/** What every phase works with: the options, the running system, its API, plain JDBC and Mongo clients, the report. */
final class Bench {

    /** The query side's view of problem reports. */
    static final String BOARD_COLLECTION = "problem_board";
    static final String AUDIT_COLLECTION = "audit_log";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final Duration VIEWS_GRACE = Duration.ofSeconds(30);

    final BenchOptions options;
    final GremiumUnderTest system;
    final Api api;
    final RecordDatabase record;
    /** The view store as the driver sees it, for counts (never for writes to Gremium's views). */
    final MongoClient views;
    final Report report;
    final CpuMeter cpu;
    /** Reports created through the command side's gateway (the bulk preload), not through the API. */
    final AtomicLong gatewayReports = new AtomicLong();
    private final Set<String> lostViews = new HashSet<>();
    /** The recommendation whose trace the read phase reads, created once (see {@link TraceSetupPhase}). */
    TraceSetupPhase.Chain chain;

    Bench(BenchOptions options, GremiumUnderTest system, Api api, RecordDatabase record, MongoClient views, Report report) {
        this.options = options;
        this.system = system;
        this.api = api;
        this.record = record;
        this.views = views;
        this.report = report;
        this.cpu = new CpuMeter(system::postgresCpuNanos);
    }

    static void log(String message) {
        System.out.println("[" + CLOCK.format(LocalTime.now()) + "] " + message);
    }

    long storedEvents() throws SQLException {
        return record.storedEvents();
    }

    /** Every problem report that got a 201 (API) or whose command returned (gateway): all must reach the board. */
    long reportsCreated() {
        return api.created() + gatewayReports.get();
    }

    MongoDatabase viewDatabase() {
        return views.getDatabase(system.database());
    }

    /**
     * The board's size by the count command (the collection's size, no scan): a scan of 100,000 documents through the
     * embedded view store takes long enough on a loaded machine to meet H2's "Chunk not found" (docs/benchmark.md).
     */
    long boardCount() {
        return viewDatabase().getCollection(BOARD_COLLECTION).estimatedDocumentCount();
    }

    /** The query side's streaming event processors by name (its views' processors). */
    Map<String, StreamingEventProcessor> queryProcessors() {
        Map<String, StreamingEventProcessor> processors = new LinkedHashMap<>();
        for (Map.Entry<String, EventProcessor> p : system.queryProcessing().eventProcessors().entrySet()) {
            if (p.getValue() instanceof StreamingEventProcessor s) {
                processors.put(p.getKey(), s);
            }
        }
        return processors;
    }

    /** Whether every segment of the processor is caught up and has read up to {@code head}. */
    static boolean reached(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : status.values()) {
            if (segment.isErrorState()) {
                throw new BenchFailure("event processor " + processor.getName() + " failed", segment.getError());
            }
            OptionalLong position = segment.getCurrentPosition();
            if (!segment.isCaughtUp() || position.isEmpty() || position.getAsLong() < head) {
                return false;
            }
        }
        return true;
    }

    /** Where the processor's segments are, for the log. */
    static String describe(StreamingEventProcessor processor) {
        StringBuilder out = new StringBuilder(processor.getName()).append(processor.isRunning() ? "" : " (stopped)").append(':');
        processor.processingStatus().forEach((segment, s) -> out.append(" segment ").append(segment)
                .append(" at ").append(s.getCurrentPosition().isPresent() ? s.getCurrentPosition().getAsLong() : "-")
                .append(s.isReplaying() ? " replaying" : "").append(s.isCaughtUp() ? " caught up" : " behind")
                .append(s.isErrorState() ? " ERROR " + s.getError() : ""));
        return out.toString();
    }

    /**
     * Waits until every event processor of the query side has read up to the record's head and returns how long that
     * took. One still behind after {@code limit} is reported and the run goes on (it catches up in the background).
     */
    Duration awaitProcessorsCaughtUp(Duration limit) throws SQLException {
        long start = System.nanoTime();
        long head = record.head();
        long deadline = start + limit.toNanos();
        long nextLog = start + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<StreamingEventProcessor> behind = queryProcessors().values().stream()
                    .filter(p -> p.isRunning() && !reached(p, head)).toList();
            long now = System.nanoTime();
            if (behind.isEmpty()) {
                return Duration.ofNanos(now - start);
            }
            if (now > deadline) {
                String who = String.join("; ", behind.stream().map(Bench::describe).toList());
                log("  still behind after " + Format.seconds(limit) + " (head " + head + "): " + who);
                report.note("event processors still behind " + Format.seconds(limit) + " after a phase (head " + head + "): " + who);
                return Duration.ofNanos(now - start);
            }
            if (now > nextLog) {
                log("    catching up (head " + head + "): "
                        + String.join("; ", behind.stream().map(Bench::describe).toList()));
                nextLog = now + Duration.ofSeconds(30).toNanos();
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /**
     * Waits until the board holds every report created so far (bounded); the missing ones are looked up in the record
     * and reported as lost views.
     */
    void awaitBoardComplete() throws SQLException {
        long deadline = System.nanoTime() + VIEWS_GRACE.toNanos();
        long expected = reportsCreated() - lostViews.size();
        while (boardCount() < expected) {
            if (System.nanoTime() > deadline) {
                recordLostViews();
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** Nothing in flight: every processor at the head and every report on the board. */
    Duration awaitQuiet() throws SQLException {
        Duration took = awaitProcessorsCaughtUp(options.catchUpLimit());
        awaitBoardComplete();
        return took;
    }

    /** Reports whose 201 the client got but that the board does not show. */
    int lostViews() {
        return lostViews.size();
    }

    /** At the end: a report counted as lost that is on the board now was late, not lost. Returns how many were late. */
    int recheckLostViews() {
        int late = 0;
        for (String id : new ArrayList<>(lostViews)) {
            if (viewDatabase().getCollection(BOARD_COLLECTION).find(new Document("_id", id)).first() != null) {
                lostViews.remove(id);
                late++;
            }
        }
        return late;
    }

    private void recordLostViews() throws SQLException {
        Set<String> onBoard = new HashSet<>();
        for (Document view : viewDatabase().getCollection(BOARD_COLLECTION).find().projection(new Document("_id", 1))) {
            onBoard.add(String.valueOf(view.get("_id")));
        }
        List<String> missing = new ArrayList<>();
        try (Connection c = record.connectToRecord();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT aggregate_identifier, global_index FROM " + RecordDatabase.EVENTS
                        + " WHERE type = 'ProblemReport' AND sequence_number = 0 ORDER BY global_index")) {
            while (r.next()) {
                String id = r.getString(1);
                if (!onBoard.contains(id) && !lostViews.contains(id)) {
                    missing.add(id + " (global index " + r.getLong(2) + ")");
                    lostViews.add(id);
                }
            }
        }
        log("  LOST: the board shows " + onBoard.size() + " of " + reportsCreated() + " reports " + Format.seconds(VIEWS_GRACE)
                + " after its processor caught up; not on it: " + missing.size());
        missing.stream().limit(10).forEach(m -> report.note("view lost: report " + m));
    }
}
