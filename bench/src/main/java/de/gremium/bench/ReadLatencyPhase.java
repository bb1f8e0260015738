package de.gremium.bench;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.bson.Document;

/**
 * Read latency: each endpoint read by one reader alone (its service time), then --readers closed-loop readers (user
 * leser) for --query-duration, each cycling through the work plan, the problem board's first page and a
 * recommendation's trace; every answer must be 200, and every answer is computed from the views (there is no cache).
 * Nothing is written meanwhile. Then, unmeasured, 3 s of the same readers with the query side's request threads
 * sampled: where a read's time goes.
 */
final class ReadLatencyPhase implements Phase {

    static final String WORK_PLAN = "GET /api/work-plan/{year}";
    static final String BOARD = "GET /api/problem-reports (first page)";
    static final String TRACE = "GET /api/recommendations/{id}/trace";
    static final List<String> ENDPOINTS = List.of(WORK_PLAN, BOARD, TRACE);
    private static final int WARM_UP_REQUESTS = 300;
    private static final int ALONE_REQUESTS = 50;
    private static final Duration SAMPLED = Duration.ofSeconds(3);
    private static final long SAMPLE_EVERY_MS = 10;

    @Override
    public String title() {
        return "read latency";
    }

    static List<String> paths(TraceSetupPhase.Chain chain) {
        return List.of("/api/work-plan/" + chain.year(), "/api/problem-reports",
                "/api/recommendations/" + chain.recommendation() + "/trace");
    }

    @Override
    public void run(Bench bench) throws Exception {
        if (bench.chain == null) {
            throw new BenchFailure("the read phase needs the recommendation of the setup phase");
        }
        List<String> paths = paths(bench.chain);
        int readers = bench.options.readers();
        bench.awaitQuiet();
        // the same requests unmeasured first: the code paths of all three endpoints compiled, pools filled
        Load.run("read-warmup", Math.min(readers, 8), Duration.ofSeconds(120), WARM_UP_REQUESTS,
                n -> bench.api.readLength(paths.get((int) (n % paths.size())), true));

        Map<String, Latencies> alone = new LinkedHashMap<>();
        for (int i = 0; i < ENDPOINTS.size(); i++) {
            String path = paths.get(i);
            alone.put(ENDPOINTS.get(i), Load.run("reader-alone", 1, Duration.ofSeconds(30), ALONE_REQUESTS, bench.cpu,
                    n -> bench.api.readOkLength(path)).latencies());
        }
        Map<String, Latencies> viewStore = viewStoreAlone(bench);
        List<Measured> rounds = new ArrayList<>();
        for (int round = 1; round <= bench.options.rounds(); round++) {
            Measured m = measure(bench, paths);
            rounds.add(m);
            Bench.log("  round " + round + ": " + Format.rate(m.load().perSecond()) + "; p99 " + String.join(", ",
                    m.byEndpoint().values().stream().map(l -> Format.millis(l.percentileMillis(0.99))).toList()));
        }
        // only the query side serves requests meanwhile: every request thread in a request is the query side's
        ThreadSampler sampler = new ThreadSampler("readers", ThreadSampler::isRequestThread,
                info -> ThreadSampler.inRequest(info) ? ThreadSampler.activity(info) : null, SAMPLE_EVERY_MS);
        try {
            Load.run("reader-sampled", readers, SAMPLED, Long.MAX_VALUE, n -> bench.api.readLength(paths.get((int) (n % paths.size())), true));
        } finally {
            sampler.close();
        }
        report(bench, alone, viewStore, rounds, sampler.averages());
    }

    /**
     * The view store's part of each read, with the plain driver: the queries behind the three endpoints (the board's
     * count and first page in its order; the work plan's meetings of the year; the trace's nodes of the recommendation,
     * the first of its two queries).
     */
    private static Map<String, Latencies> viewStoreAlone(Bench bench) throws Exception {
        var db = bench.viewDatabase();
        TraceSetupPhase.Chain chain = bench.chain;
        Map<String, Latencies> raw = new LinkedHashMap<>();
        raw.put(WORK_PLAN, sample(() -> drain(db.getCollection("work_plan_meetings").find(Filters.eq("year", chain.year())))));
        raw.put(BOARD, sample(() -> {
            var board = db.getCollection(Bench.BOARD_COLLECTION);
            board.countDocuments();
            drain(board.find().sort(Sorts.orderBy(Sorts.descending("submittedAt"), Sorts.ascending("_id"))).limit(20));
        }));
        raw.put(TRACE, sample(() -> drain(db.getCollection("trace_nodes")
                .find(Filters.in("refs.recommendation", List.of(chain.recommendation())))
                .sort(Sorts.ascending("timestamp", "sequence")))));
        return raw;
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

    /** Up to 20 runs after one unmeasured, at most 10 s in all (at least one). */
    private static Latencies sample(Probe probe) throws Exception {
        probe.run();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long[] samples = new long[20];
        int n = 0;
        while (n < samples.length && (n == 0 || System.nanoTime() < deadline)) {
            long t0 = System.nanoTime();
            probe.run();
            samples[n++] = System.nanoTime() - t0;
        }
        return new Latencies(java.util.Arrays.copyOf(samples, n));
    }

    /** A round of the readers: latencies of the 200 answers per endpoint, and how many were 503 or not answered in time. */
    private record Measured(Load.Result load, Map<String, Latencies> byEndpoint, Map<String, Long> unavailable) {
    }

    /** --readers closed-loop readers for --query-duration, each cycling through the endpoints; latency per endpoint. */
    private static Measured measure(Bench bench, List<String> paths) throws Exception {
        List<Latencies.Recorder[]> recorders = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Latencies.Recorder[]> mine = ThreadLocal.withInitial(() -> {
            Latencies.Recorder[] perEndpoint = new Latencies.Recorder[paths.size()];
            for (int i = 0; i < perEndpoint.length; i++) {
                perEndpoint[i] = new Latencies.Recorder();
            }
            recorders.add(perEndpoint);
            return perEndpoint;
        });
        java.util.concurrent.atomic.AtomicLongArray failed = new java.util.concurrent.atomic.AtomicLongArray(paths.size());
        Load.Result r = Load.run("reader", bench.options.readers(), bench.options.queryPhaseDuration(), Long.MAX_VALUE, bench.cpu, n -> {
            int endpoint = (int) (n % paths.size());
            long t0 = System.nanoTime();
            if (bench.api.readLength(paths.get(endpoint), true) < 0) {
                failed.incrementAndGet(endpoint);
            } else {
                mine.get()[endpoint].add(System.nanoTime() - t0);
            }
        });
        Map<String, Latencies> byEndpoint = new LinkedHashMap<>();
        for (int i = 0; i < ENDPOINTS.size(); i++) {
            int endpoint = i;
            long[] all;
            synchronized (recorders) {
                all = recorders.stream().flatMapToLong(rec -> LongStream.of(rec[endpoint].toArray())).toArray();
            }
            byEndpoint.put(ENDPOINTS.get(i), new Latencies(all));
        }
        Map<String, Long> unavailable = new LinkedHashMap<>();
        for (int i = 0; i < ENDPOINTS.size(); i++) {
            unavailable.put(ENDPOINTS.get(i), failed.get(i));
        }
        return new Measured(r, byEndpoint, unavailable);
    }

    private static void report(Bench bench, Map<String, Latencies> alone, Map<String, Latencies> viewStore, List<Measured> rounds,
            Map<String, Double> where) {
        int readers = bench.options.readers();
        Table table = new Table(List.of("endpoint", "its queries alone (plain driver) p50", "alone p50", "alone p99",
                readers + " readers: answers 200/s", "p50", "p95", "p99", "503 answers"));
        for (String endpoint : ENDPOINTS) {
            List<Latencies> l = rounds.stream().map(m -> m.byEndpoint().get(endpoint)).toList();
            double seconds = rounds.get(0).load().elapsed().toNanos() / 1e9;
            table.row(List.of(endpoint, Format.millis(viewStore.get(endpoint).percentileMillis(0.5)),
                    Format.millis(alone.get(endpoint).percentileMillis(0.5)),
                    Format.millis(alone.get(endpoint).percentileMillis(0.99)),
                    Format.spread(l.stream().map(x -> x.count() / seconds).toList(), Format::rate),
                    Format.spread(l.stream().map(x -> x.percentileMillis(0.5)).toList(), Format::millis),
                    Format.spread(l.stream().map(x -> x.percentileMillis(0.95)).toList(), Format::millis),
                    Format.spread(l.stream().map(x -> x.percentileMillis(0.99)).toList(), Format::millis),
                    Format.count(rounds.stream().mapToLong(m -> m.unavailable().get(endpoint)).sum())));
        }
        List<Load.Result> loads = rounds.stream().map(Measured::load).toList();
        bench.report.add("Reads", "Its queries alone: what the endpoint asks the view store, sent with the plain driver (the "
                + "board's count and first page, the work plan's meetings, the trace's nodes of the recommendation). Alone: "
                + ALONE_REQUESTS + " requests of one reader per endpoint (the service time). "
                + readers + " readers: closed loop for " + Format.duration(bench.options.queryPhaseDuration()) + " per round, each "
                + "cycling through the three endpoints; median (min–max) of " + rounds.size() + " rounds. Every answer is computed "
                + "from the views: there is no cache. A 503 (a store not reached in time, e.g. no pooled PostgreSQL connection within "
                + "the pool's 5 s) or no answer within " + Api.READER_TIMEOUT.toSeconds() + " s is counted, not timed. All reads: " + Format.spread(CommandPhase.values(loads, Load.Result::perSecond),
                        Format::rate) + "; CPU per read: Gremium's own " + Format.micros(Format.median(CommandPhase.values(loads,
                        Load.Result::gremiumMicros))) + ", the view store's " + Format.micros(Format.median(CommandPhase.values(loads,
                        r -> r.groupMicros(CpuMeter.VIEW_STORE)))) + ", the harness's " + Format.micros(Format.median(
                        CommandPhase.values(loads, r -> r.groupMicros(CpuMeter.BENCH)))) + ".", table);
        double all = where.values().stream().mapToDouble(Double::doubleValue).sum();
        Table shares = new Table(List.of("a request thread of the query side is …", "share"));
        where.forEach((category, n) -> shares.row(List.of(category, Format.percent(n / all))));
        if (!shares.isEmpty()) {
            bench.report.add("Where a read's time goes", "Share of the samples of the query side's request threads while in a "
                    + "request (every " + SAMPLE_EVERY_MS + " ms for " + Format.duration(SAMPLED) + " of the " + readers
                    + " readers, after the measured rounds).", shares);
        }
        Long size = bench.report.current().size;
        boolean graded = size != null && size <= Report.READ_TARGET_SIZE;
        for (String endpoint : ENDPOINTS) {
            List<Double> p99 = rounds.stream().map(m -> m.byEndpoint().get(endpoint).percentileMillis(0.99)).toList();
            double median = Format.median(p99);
            long failures = rounds.stream().mapToLong(m -> m.unavailable().get(endpoint)).sum();
            bench.report.check("read p99 ≤ 20 ms under " + readers + " readers (at 10,000 events), " + endpoint,
                    Format.spread(p99, Format::millis) + (failures > 0 ? ", " + failures + " not answered (503 or timeout)" : ""),
                    graded ? (median <= Report.MAX_READ_P99_MS && failures == 0 ? Report.Verdict.PASS : Report.Verdict.MISS)
                            : Report.Verdict.INFO);
        }
    }
}
