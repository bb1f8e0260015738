package de.gremium.bench;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What the store itself costs at this size, measured with the plain driver on the same server: an
 * insertOne into a collection as big as the event store (a copy of it, with its indexes), a find by a
 * field no index covers, Axon's tracking query in the middle and at the head of the store, the queries
 * behind the three read endpoints, and the idle system's CPU. These figures are the floor under the
 * system's: what grows here grows in Gremium's figures too, and is the store's, not Gremium's.
 */
final class StoreProbePhase implements Phase {

    static final String COPY = "store_copy";
    static final String BOARD_COPY = "board_copy";
    private static final int MAX_SAMPLES = 30;
    private static final Duration SAMPLE_LIMIT = Duration.ofSeconds(10);
    private static final Duration INSERT_PHASE = Duration.ofSeconds(3);
    private static final Duration IDLE = Duration.ofSeconds(3);

    @Override
    public String title() {
        return "the store's own cost (raw driver)";
    }

    @Override
    public void run(Bench bench) throws Exception {
        bench.awaitQuiet();
        MongoDatabase db = bench.raw.getDatabase(bench.system.database());
        MongoCollection<Document> events = bench.events();
        long stored = events.countDocuments();
        int batchSize = Integer.parseInt(bench.system.queryProperty("gremium.events.batch-size", "1000"));
        Duration lookBack = BenchOptions.parseDuration(bench.system.queryProperty("gremium.events.look-back", "250ms"));

        CpuAccounting cpu = new CpuAccounting();
        CpuAccounting.Usage idle = null;
        if (cpu.supported()) {
            CpuAccounting.Snapshot before = cpu.snapshot();
            Thread.sleep(IDLE.toMillis());
            idle = cpu.since(before);
            Bench.log(String.format(java.util.Locale.ROOT, "  idle: %.2f cores busy", idle.processCpu() / 1e9 / IDLE.toSeconds()));
        }
        // who keeps the store busy when nothing happens: threads waiting for its answer, by the code that asked
        ThreadSampler waiting = new ThreadSampler("idle", ThreadSampler::mayCallStore, ThreadSampler::storeCaller,
                Report.STORE_WAIT_SAMPLING_MS, 1_000_000);
        Thread.sleep(IDLE.toMillis());
        waiting.close();
        Map<String, Double> idleCallers = waiting.averages();
        bench.report.current().storeWaits.put("idle", idleCallers);
        idleCallers.forEach((caller, n) -> Bench.log(String.format(java.util.Locale.ROOT,
                "    waiting for the store %.0f %% of the time: %s", 100.0 * n, caller)));

        Load.Result sizedInsert = sizedInsert(bench, events);
        MongoCollection<Document> boardView = db.getCollection(Bench.BOARD_COLLECTION);
        Load.Result sizedUpsert = sizedUpsert(bench, boardView);
        Latencies findById = sample(() -> boardView.find(eq("_id", UUID.randomUUID().toString())).first());

        Latencies scan = sample(() -> events.find(eq("benchNoSuchField", "x")).first());
        Document some = events.find().skip((int) Math.min(Integer.MAX_VALUE, stored / 3)).limit(1).first();
        Latencies byUniqueIndex = some == null ? new Latencies(new long[0]) : sample(() -> events.find(and(
                eq("aggregateIdentifier", some.get("aggregateIdentifier")), eq("sequenceNumber", some.get("sequenceNumber"))))
                .first());
        // the same lookup as one plain document {aggregateIdentifier: .., sequenceNumber: ..}: Filters.and(..) renders
        // as {$and: [..]}, which the embedded server does not match against an index
        Latencies byUniqueIndexPlain = some == null ? new Latencies(new long[0]) : sample(() -> events.find(
                new Document("aggregateIdentifier", some.get("aggregateIdentifier")).append("sequenceNumber",
                        some.get("sequenceNumber"))).first());
        Latencies byEventId = some == null ? new Latencies(new long[0])
                : sample(() -> events.find(eq("eventIdentifier", some.get("eventIdentifier"))).first());
        Bench.log("  find by (aggregateIdentifier, sequenceNumber): p50 " + Format.millis(byUniqueIndex.percentileMillis(0.5))
                + " with Filters.and, " + Format.millis(byUniqueIndexPlain.percentileMillis(0.5)) + " as one document"
                + "; by eventIdentifier: p50 " + Format.millis(byEventId.percentileMillis(0.5)));
        Bench.log("  full scan of " + Format.count(stored) + " events: p50 " + Format.millis(scan.percentileMillis(0.5)));

        Document middle = events.find().skip((int) Math.min(Integer.MAX_VALUE, stored / 2)).limit(1).first();
        Latencies replayBatch = middle == null ? new Latencies(new long[0])
                : sample(() -> trackingQuery(events, middle.get("timestamp"), batchSize, Duration.ZERO));
        Document last = events.find().skip((int) Math.min(Integer.MAX_VALUE, Math.max(0, stored - 1))).limit(1).first();
        Latencies tail = last == null ? new Latencies(new long[0])
                : sample(() -> trackingQuery(events, last.get("timestamp"), batchSize, lookBack));
        Bench.log("  tracking query: from the middle p50 " + Format.millis(replayBatch.percentileMillis(0.5))
                + ", at the head p50 " + Format.millis(tail.percentileMillis(0.5)));

        Map<String, Latencies> endpoints = new LinkedHashMap<>();
        if (bench.chain != null) {
            TraceSetupPhase.Chain chain = bench.chain;
            MongoCollection<Document> meetings = db.getCollection("work_plan_meetings");
            MongoCollection<Document> board = db.getCollection(Bench.BOARD_COLLECTION);
            MongoCollection<Document> nodes = db.getCollection("trace_nodes");
            endpoints.put(QueryLatencyPhase.WORK_PLAN, sample(() -> drain(meetings.find(eq("year", chain.year())))));
            endpoints.put(QueryLatencyPhase.BOARD, sample(() -> {
                board.countDocuments();
                drain(board.find().sort(Sorts.orderBy(Sorts.descending("submittedAt"), Sorts.ascending("_id"))).limit(20));
            }));
            endpoints.put(QueryLatencyPhase.TRACE, sample(() -> {
                Date now = new Date();
                for (Map.Entry<String, List<String>> refs : Map.of("recommendation", List.of(chain.recommendation()),
                        "deliberation", List.of(chain.deliberation()), "meeting", List.of(chain.meeting()),
                        "idea", List.of(chain.idea()), "report", chain.reports()).entrySet()) {
                    drain(nodes.find(and(in("refs." + refs.getKey(), refs.getValue()), lte("timestamp", now)))
                            .sort(Sorts.ascending("timestamp", "sequence")));
                }
            }));
            endpoints.forEach((e, l) -> Bench.log("  raw, the queries behind " + e + ": p50 " + Format.millis(l.percentileMillis(0.5))));
        }
        bench.report.probe(new Report.Probe(stored, sizedInsert, scan, replayBatch, tail, endpoints, idle, IDLE, batchSize,
                sizedUpsert, findById, boardView.countDocuments(), byUniqueIndex, byUniqueIndexPlain, byEventId));
    }

    /**
     * Copies the event store into {@value RawInsertPhase#DATABASE}.{@value #COPY} with its indexes, then
     * inserts copies of a stored event (new ids, so the unique indexes accept them) with one client.
     */
    private static Load.Result sizedInsert(Bench bench, MongoCollection<Document> events) throws Exception {
        MongoCollection<Document> copy = copyOf(bench, events, COPY);
        Document template = bench.eventTemplate();
        Load.Result r = Load.run("raw-sized", 1, INSERT_PHASE, Long.MAX_VALUE, n -> copy.insertOne(new Document(template)
                .append("aggregateIdentifier", UUID.randomUUID().toString())
                .append("eventIdentifier", UUID.randomUUID().toString())));
        Bench.log("  insertOne into a copy of the event store: " + Format.rate(r.perSecond()) + ", p50 "
                + Format.millis(r.latencies().percentileMillis(0.5)));
        bench.drop(copy);
        return r;
    }

    /**
     * What a projection does per event, on a collection of the board's size: an upsert by _id of a new
     * view document (a copy of the board, new ids, $setOnInsert as ProblemBoardProjection writes).
     */
    private static Load.Result sizedUpsert(Bench bench, MongoCollection<Document> board) throws Exception {
        Document view = board.find().first();
        if (view == null) {
            return null;
        }
        view.remove("_id");
        MongoCollection<Document> copy = copyOf(bench, board, BOARD_COPY);
        Load.Result r = Load.run("raw-upsert", 1, INSERT_PHASE, Long.MAX_VALUE, n -> copy.updateOne(
                eq("_id", UUID.randomUUID().toString()), new Document("$setOnInsert", view), new UpdateOptions().upsert(true)));
        Bench.log("  upsert by _id into a copy of the board: " + Format.rate(r.perSecond()) + ", p50 "
                + Format.millis(r.latencies().percentileMillis(0.5)));
        bench.drop(copy);
        return r;
    }

    /** A copy of {@code source} with its indexes in {@value RawInsertPhase#DATABASE}.{@code name}. */
    private static MongoCollection<Document> copyOf(Bench bench, MongoCollection<Document> source, String name) {
        MongoCollection<Document> copy = bench.raw.getDatabase(RawInsertPhase.DATABASE).getCollection(name);
        bench.drop(copy);
        for (Document index : source.listIndexes()) {
            Document key = index.get("key", Document.class);
            if (!key.containsKey("_id")) {
                copy.createIndex(key, new IndexOptions().unique(index.getBoolean("unique", false)));
            }
        }
        long t0 = System.nanoTime();
        List<Document> batch = new ArrayList<>(1000);
        long copied = 0;
        try (MongoCursor<Document> all = source.find().batchSize(1000).iterator()) {
            while (all.hasNext() && copied < 20_000_000) {
                batch.add(all.next());
                if (batch.size() == 1000) {
                    copy.insertMany(batch);
                    copied += batch.size();
                    batch = new ArrayList<>(1000);
                }
            }
        }
        if (!batch.isEmpty()) {
            copy.insertMany(batch);
            copied += batch.size();
        }
        Bench.log("  copied " + Format.count(copied) + " documents of " + source.getNamespace().getCollectionName() + " in "
                + Format.seconds(Duration.ofNanos(System.nanoTime() - t0)));
        return copy;
    }

    /**
     * The query axon-mongo's document-per-event strategy sends for a tracking token: events stamped at or
     * after the token (minus the look-back), except those the token knows, sorted, one batch read.
     */
    private static void trackingQuery(MongoCollection<Document> events, Object timestamp, int batchSize, Duration lookBack) {
        Object from = timestamp instanceof String text
                ? DateTimeUtils.formatInstant(DateTimeUtils.parseInstant(text).minus(lookBack)) : timestamp;
        Bson filter = and(gte("timestamp", from), nin("eventIdentifier", List.of()));
        int read = 0;
        try (MongoCursor<Document> cursor = events.find(filter).sort(Sorts.ascending("timestamp", "sequenceNumber"))
                .batchSize(batchSize).iterator()) {
            while (read < batchSize && cursor.hasNext()) {
                cursor.next();
                read++;
            }
        }
    }

    private static void drain(Iterable<Document> documents) {
        for (Document ignored : documents) {
            // read every document, as the query side does
        }
    }

    @FunctionalInterface
    private interface Probe {
        void run() throws Exception;
    }

    /** Up to {@value #MAX_SAMPLES} runs, at most {@link #SAMPLE_LIMIT} in all (at least one). */
    private static Latencies sample(Probe probe) throws Exception {
        long deadline = System.nanoTime() + SAMPLE_LIMIT.toNanos();
        long[] samples = new long[MAX_SAMPLES];
        int n = 0;
        probe.run(); // once unmeasured: the driver's connection and the code path warm
        while (n < MAX_SAMPLES && (n == 0 || System.nanoTime() < deadline)) {
            long t0 = System.nanoTime();
            probe.run();
            samples[n++] = System.nanoTime() - t0;
        }
        return new Latencies(java.util.Arrays.copyOf(samples, n));
    }
}
