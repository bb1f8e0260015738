package de.gremium.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Query latency under concurrent readers: --readers closed-loop clients (user leser) for
 * --query-duration, each sending the next request when the previous one answered, cycling through the
 * work plan, the problem board's first page and a recommendation's trace. Every answer must be 200.
 * Latency is recorded per endpoint. Before that, each endpoint is read by one reader alone (50 requests):
 * its service time without queueing behind other readers.
 */
final class QueryLatencyPhase implements Phase {

    static final String WORK_PLAN = "GET /api/work-plan/{year}";
    static final String BOARD = "GET /api/problem-reports (first page)";
    static final String TRACE = "GET /api/recommendations/{id}/trace";
    static final List<String> ENDPOINTS = List.of(WORK_PLAN, BOARD, TRACE);
    private static final int WARM_UP_REQUESTS = 300;
    private static final int ALONE_REQUESTS = 50;
    /** The readers again, unmeasured, while the stack sampler finds out who waits for the store. */
    private static final Duration SAMPLED_WINDOW = Duration.ofSeconds(3);

    @Override
    public String title() {
        return "query latency under concurrent readers";
    }

    static Map<String, String> paths(TraceSetupPhase.Chain chain) {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put(WORK_PLAN, "/api/work-plan/" + chain.year());
        paths.put(BOARD, "/api/problem-reports");
        paths.put(TRACE, "/api/recommendations/" + chain.recommendation() + "/trace");
        return paths;
    }

    @Override
    public void run(Bench bench) throws Exception {
        if (bench.chain == null) {
            throw new BenchFailure("the query phase needs the recommendation of the setup phase");
        }
        List<String> paths = new ArrayList<>(paths(bench.chain).values());
        int readers = bench.options.readers();
        bench.awaitQuiet();
        // the same requests unmeasured first: the code paths of all three endpoints compiled, pools filled
        Load.run("query-warmup", Math.min(readers, 8), Duration.ofSeconds(60), WARM_UP_REQUESTS,
                n -> bench.api.readOk(paths.get((int) (n % paths.size()))));

        // service time: one reader alone, each endpoint in turn (no queueing behind other readers)
        Map<String, Latencies> alone = new LinkedHashMap<>();
        for (int i = 0; i < ENDPOINTS.size(); i++) {
            String path = paths.get(i);
            Load.Result one = Load.run("reader-alone", 1, Duration.ofSeconds(10), ALONE_REQUESTS, n -> bench.api.readOk(path));
            alone.put(ENDPOINTS.get(i), one.latencies());
        }

        List<Latencies.Recorder[]> recorders = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Latencies.Recorder[]> mine = ThreadLocal.withInitial(() -> {
            Latencies.Recorder[] perEndpoint = new Latencies.Recorder[paths.size()];
            for (int i = 0; i < perEndpoint.length; i++) {
                perEndpoint[i] = new Latencies.Recorder();
            }
            recorders.add(perEndpoint);
            return perEndpoint;
        });
        // measured without the stack sampler: each of its samples stops every sampled thread (a safepoint
        // every 50 ms), which entered the readers' latencies; who waits for the store is sampled after it
        Load.Result r = Load.run("reader", readers, bench.options.queryPhaseDuration(), Long.MAX_VALUE, n -> {
            int endpoint = (int) (n % paths.size());
            long t0 = System.nanoTime();
            bench.api.readOk(paths.get(endpoint));
            mine.get()[endpoint].add(System.nanoTime() - t0);
        });
        ThreadSampler waiting = new ThreadSampler("readers", ThreadSampler::mayCallStore, ThreadSampler::storeCaller,
                Report.STORE_WAIT_SAMPLING_MS, 1_000_000);
        try {
            Load.run("reader-sampled", readers, SAMPLED_WINDOW, Long.MAX_VALUE,
                    n -> bench.api.readOk(paths.get((int) (n % paths.size()))));
        } finally {
            waiting.close();
        }
        bench.report.current().storeWaits.put("readers x" + readers, waiting.averages());
        Map<String, Latencies> byEndpoint = new LinkedHashMap<>();
        for (int i = 0; i < ENDPOINTS.size(); i++) {
            int endpoint = i;
            long[] all;
            synchronized (recorders) {
                all = recorders.stream().flatMapToLong(rec -> LongStream.of(rec[endpoint].toArray())).toArray();
            }
            byEndpoint.put(ENDPOINTS.get(i), new Latencies(all));
        }
        bench.report.queries(new Report.Queries(readers, r.elapsed(), byEndpoint, alone, r.cpu()));
        byEndpoint.forEach((endpoint, l) -> Bench.log("  " + endpoint + ": alone p50 "
                + Format.millis(alone.get(endpoint).percentileMillis(0.5)) + "; with " + readers + " readers "
                + Format.count(l.count()) + " requests, p50 " + Format.millis(l.percentileMillis(0.5)) + ", p99 "
                + Format.millis(l.percentileMillis(0.99))));
    }
}
