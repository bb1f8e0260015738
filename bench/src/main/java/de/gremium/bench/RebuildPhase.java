package de.gremium.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;

/**
 * Full rebuild: every event processor of the query side is shut down, its tokens reset (its reset handlers empty its
 * views) and started again, all at once; timed from the shutdown until every processor has read the record up to its
 * head and the board shows every report again. Rate = stored events / that time (every processor reads every event).
 * While it runs, the processors' threads are sampled: what each one waits for.
 *
 * <p>Two variants: the query side as configured ({@code batched}: the problem board and the trace send a batch's view
 * writes as one bulk write), and without the batched view writes ({@code unbatched}: the query side restarted without
 * the bean that registers them, see {@link WithoutBatchedViewWrites}); after it, the query side is restarted as
 * configured. Before the first, the stores' own floors: an upsert into the view store and a replay batch read from
 * PostgreSQL, with the plain drivers.
 */
final class RebuildPhase implements Phase {

    private static final long SAMPLE_EVERY_MS = 20;
    private static final Duration FLOOR = Duration.ofSeconds(3);

    private final boolean batched;
    private final boolean first;

    RebuildPhase(boolean batched, boolean first) {
        this.batched = batched;
        this.first = first;
    }

    private String variant() {
        return batched ? "batched view writes on (as configured)" : "batched view writes off";
    }

    @Override
    public String title() {
        return "full rebuild, " + variant();
    }

    @Override
    public void run(Bench bench) throws Exception {
        if (first) {
            floors(bench);
        }
        if (bench.system.batchedViewWrites() != batched) {
            restartQuerySide(bench, batched);
        }
        try {
            rebuild(bench);
        } finally {
            if (!batched) {
                restartQuerySide(bench, true);
            }
        }
    }

    private static void restartQuerySide(Bench bench, boolean batched) throws Exception {
        long t0 = System.nanoTime();
        bench.system.restartQuerySide(batched);
        bench.api.queryPort(bench.system.queryPort());
        Bench.log("  query side restarted with batched view writes " + (batched ? "on" : "off") + " in "
                + Format.seconds(Duration.ofNanos(System.nanoTime() - t0)));
        bench.awaitQuiet();
    }

    private void rebuild(Bench bench) throws Exception {
        bench.awaitQuiet();
        long events = bench.storedEvents();
        long head = bench.record.head();
        long reports = bench.boardCount();
        MongoCollection<Document> audit = bench.viewDatabase().getCollection(Bench.AUDIT_COLLECTION);
        long auditEntries = audit.estimatedDocumentCount();
        Map<String, StreamingEventProcessor> processors = bench.queryProcessors();
        List<String> notReset = processors.values().stream().filter(p -> !p.supportsReset()).map(StreamingEventProcessor::getName).toList();
        Bench.log("  " + Format.count(events) + " events, " + Format.count(reports) + " reports on the board, "
                + processors.size() + " processors" + (notReset.isEmpty() ? "" : "; without reset support: " + notReset));

        CpuMeter.Snapshot before = bench.cpu.snapshot();
        ThreadSampler sampler = new ThreadSampler("rebuild", name -> name.startsWith("EventProcessor[")
                || name.startsWith("WorkPackage[") || name.startsWith("Coordinator["),
                info -> ThreadSampler.processorOf(info.getThreadName()) + "|" + ThreadSampler.activity(info), SAMPLE_EVERY_MS);
        long start = System.nanoTime();
        List<CompletableFuture<Void>> stopping = processors.values().stream().map(StreamingEventProcessor::shutdownAsync).toList();
        CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (StreamingEventProcessor p : processors.values()) {
            if (p.supportsReset()) {
                p.resetTokens();
            }
        }
        long resetAt = System.nanoTime();
        processors.values().forEach(StreamingEventProcessor::start);

        Map<String, Long> caughtUpAt = new LinkedHashMap<>();
        long deadline = start + bench.options.rebuildTimeout().toNanos();
        long boardCompleteAt = 0;
        long nextLog = start + Duration.ofSeconds(30).toNanos();
        long nextCount = start;
        boolean finished = true;
        while (caughtUpAt.size() < processors.size() || boardCompleteAt == 0) {
            long now = System.nanoTime();
            if (now > deadline) {
                finished = false;
                Bench.log("  not finished within " + Format.duration(bench.options.rebuildTimeout()) + ": " + String.join("; ",
                        processors.values().stream().filter(p -> !caughtUpAt.containsKey(p.getName())).map(Bench::describe).toList()));
                break;
            }
            for (StreamingEventProcessor p : processors.values()) {
                if (!caughtUpAt.containsKey(p.getName()) && Bench.reached(p, head)) {
                    caughtUpAt.put(p.getName(), System.nanoTime());
                }
            }
            if (boardCompleteAt == 0 && now >= nextCount) {
                if (bench.boardCount() >= reports) {
                    boardCompleteAt = System.nanoTime();
                }
                nextCount = System.nanoTime() + Duration.ofMillis(250).toNanos();
            }
            if (now >= nextLog) {
                Bench.log("    rebuilding for " + Format.seconds(Duration.ofNanos(now - start)) + ": " + String.join("; ",
                        processors.values().stream().filter(p -> !caughtUpAt.containsKey(p.getName())).map(Bench::describe).toList()));
                nextLog = now + Duration.ofSeconds(30).toNanos();
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        long end = System.nanoTime();
        CpuMeter.Usage used = bench.cpu.since(before);
        sampler.close();
        long auditAfter = audit.estimatedDocumentCount();
        Duration took = Duration.ofNanos(end - start);
        // unfinished: the slowest processor's position is how far the rebuild got
        long read = finished ? events : processors.values().stream().flatMap(p -> p.processingStatus().values().stream())
                .mapToLong(s -> s.getCurrentPosition().orElse(0)).min().orElse(0);
        double rate = read / (took.toNanos() / 1e9);
        Bench.log("  rebuilt " + Format.count(events) + " events in " + Format.seconds(took) + ": " + Format.rate(rate)
                + (finished ? "" : " (UNFINISHED)"));
        report(bench, events, took, Duration.ofNanos(resetAt - start), caughtUpAt, start, used, sampler.averages(), finished,
                notReset, auditEntries, auditAfter, rate);
    }

    private void report(Bench bench, long events, Duration took, Duration reset, Map<String, Long> caughtUpAt, long start,
            CpuMeter.Usage used, Map<String, Double> samples, boolean finished, List<String> notReset, long auditBefore,
            long auditAfter, double rate) {
        Table perProcessor = new Table(List.of("processor", "caught up after", "events/s", "batch size"));
        caughtUpAt.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            double seconds = (e.getValue() - start) / 1e9;
            perProcessor.row(List.of(e.getKey(), Format.seconds(Duration.ofMillis(Math.round(seconds * 1000))),
                    Format.rate(events / seconds), batchSize(bench, e.getKey())));
        });
        String cpu = "CPU per event: Gremium's own " + Format.micros(used.gremium() / 1e3 / events) + " (event processors "
                + Format.micros(used.group(CpuMeter.PROCESSING) / 1e3 / events) + ", GC and VM "
                + Format.micros(used.group(CpuMeter.VM) / 1e3 / events) + "; JIT compilation apart: "
                + Format.micros(used.group(CpuMeter.JIT) / 1e3 / events) + "), the view store's "
                + Format.micros(used.group(CpuMeter.VIEW_STORE) / 1e3 / events) + ", PostgreSQL's "
                + (used.postgresCpu() < 0 ? "-" : Format.micros(used.postgresCpu() / 1e3 / events)) + "; "
                + String.format(java.util.Locale.ROOT, "%.2f", used.coresBusy()) + " cores busy on average.";
        bench.report.add("Full rebuild, " + variant(), Format.count(events) + " events; every processor of the query side shut "
                + "down, reset and started at once (shutdown and reset " + Format.seconds(reset) + "), then timed until each has read "
                + "up to the head and the board is complete: **" + Format.seconds(took) + ", " + Format.rate(rate) + "**"
                + (finished ? "" : " (UNFINISHED: the rate so far)") + ". "
                + (notReset.isEmpty() ? "" : "Not reset (no reset support): " + notReset + ". ")
                + "The audit log has no reset handler: its entries (" + Format.count(auditBefore) + " before, "
                + Format.count(auditAfter) + " after) and chain links stay and every event's link is looked up again and its "
                + "entry rewritten. " + cpu, perProcessor);

        // what each processor's thread did: share of its samples per activity
        Map<String, Map<String, Double>> byProcessor = new LinkedHashMap<>();
        Map<String, Double> totals = new LinkedHashMap<>();
        samples.forEach((key, n) -> {
            String processor = key.substring(0, key.indexOf('|'));
            String activity = ThreadSampler.coarse(key.substring(key.indexOf('|') + 1));
            byProcessor.computeIfAbsent(processor, k -> new LinkedHashMap<>()).merge(activity, n, Double::sum);
            totals.merge(activity, n, Double::sum);
        });
        List<String> activities = totals.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey).toList();
        List<String> header = new ArrayList<>(List.of("processor"));
        activities.forEach(a -> header.add(a.replace("waiting for PostgreSQL: ", "PostgreSQL: ").replace("waiting for ", "")));
        Table where = new Table(header);
        byProcessor.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<String> cells = new ArrayList<>(List.of(e.getKey()));
            activities.forEach(a -> cells.add(String.format(java.util.Locale.ROOT, "%.0f %%", 100 * e.getValue().getOrDefault(a, 0.0))));
            where.row(cells);
        });
        if (!where.isEmpty()) {
            bench.report.add(null, "What each processor's thread did during the rebuild (share of its wall time, sampled every "
                    + SAMPLE_EVERY_MS + " ms; audit-log has two threads, its coordinator reading events and its work package "
                    + "handling them, so its row adds up to 200 %):", where);
        }
        Long size = bench.report.current().size;
        boolean graded = size != null && size >= Report.REBUILD_TARGET_SIZE;
        bench.report.check("full rebuild ≥ 5,000 events/s (at 100,000 events), " + variant(),
                Format.rate(rate) + (finished ? "" : " (unfinished)"),
                graded ? (finished && rate >= Report.MIN_REBUILD_EVENTS_PER_SECOND ? Report.Verdict.PASS : Report.Verdict.MISS)
                        : Report.Verdict.INFO);
    }

    private static String batchSize(Bench bench, String processor) {
        return bench.system.queryProperty("axon.eventhandling.processors." + processor + ".batch-size",
                processor.equals("audit-log") ? "100 (in code)" : "1 (Axon's default)");
    }

    /**
     * What the stores cost alone, with the plain drivers: an upsert by _id into the view store (one client, as a
     * projection writes without batching, and as ordered bulk writes of 1,000, as the batched view writes send them),
     * and a batch of 1,000 events read from the middle of the record, as Axon's JDBC engine reads them in a replay.
     */
    private static void floors(Bench bench) throws Exception {
        Document view = bench.viewDatabase().getCollection(Bench.BOARD_COLLECTION).find().first();
        if (view == null) {
            return;
        }
        view.remove("_id");
        MongoCollection<Document> scratch = bench.views.getDatabase("bench_scratch").getCollection("upserts");
        Load.Result single = Load.run("view-upsert", 1, FLOOR, Long.MAX_VALUE, bench.cpu, n -> scratch.updateOne(
                Filters.eq("_id", UUID.randomUUID().toString()), new Document("$setOnInsert", view), new UpdateOptions().upsert(true)));
        Load.Result bulk = Load.run("view-bulk", 1, FLOOR, Long.MAX_VALUE, bench.cpu, n -> {
            List<UpdateOneModel<Document>> writes = new ArrayList<>(1000);
            for (int i = 0; i < 1000; i++) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", UUID.randomUUID().toString()), new Document("$setOnInsert", view),
                        new UpdateOptions().upsert(true)));
            }
            scratch.bulkWrite(writes);
        });
        long scratchSize = scratch.estimatedDocumentCount();
        bench.views.getDatabase("bench_scratch").drop();
        long head = bench.record.head();
        Latencies batch = sample(() -> bench.record.readBatchFrom(head / 2, 1000));
        Table table = new Table(List.of("operation (plain driver, 1 client)", "p50", "per event"));
        table.row(List.of("view store: upsert by _id of a board document", Format.millis(single.latencies().percentileMillis(0.5)),
                Format.micros(single.latencies().percentileMillis(0.5) * 1000)));
        table.row(List.of("view store: ordered bulk write of 1,000 such upserts", Format.millis(bulk.latencies().percentileMillis(0.5)),
                Format.micros(bulk.latencies().percentileMillis(0.5))));
        table.row(List.of("PostgreSQL: 1,000 events from the middle of the record (Axon's replay query)",
                Format.millis(batch.percentileMillis(0.5)), Format.micros(batch.percentileMillis(0.5))));
        bench.report.add("What the stores cost alone", "The floors under a rebuild, with the plain drivers on the same servers "
                + "(the view store's upserts into a scratch collection that grew to " + Format.count(scratchSize) + " documents).",
                table);
        Bench.log("  floors: view upsert p50 " + Format.millis(single.latencies().percentileMillis(0.5)) + ", bulk of 1,000 p50 "
                + Format.millis(bulk.latencies().percentileMillis(0.5)) + ", replay batch read p50 " + Format.millis(batch.percentileMillis(0.5)));
    }

    @FunctionalInterface
    private interface Probe {
        void run() throws Exception;
    }

    private static Latencies sample(Probe probe) throws Exception {
        probe.run();
        long[] samples = new long[20];
        for (int i = 0; i < samples.length; i++) {
            long t0 = System.nanoTime();
            probe.run();
            samples[i] = System.nanoTime() - t0;
        }
        return new Latencies(samples);
    }
}
