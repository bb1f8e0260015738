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
 * Latency is recorded per endpoint. Then the same again with {@code Cache-Control: no-cache}, which makes the
 * query side compute every answer from its views instead of serving the one it kept (ViewCache): the cost of a
 * read whose views changed since. Before both, each endpoint is read by one reader alone (50 requests, each
 * computed from the views): its service time without queueing behind other readers.
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
            Load.Result one = Load.run("reader-alone", 1, Duration.ofSeconds(10), ALONE_REQUESTS, n -> bench.api.readOkLength(path, true));
            alone.put(ENDPOINTS.get(i), one.latencies());
        }

        // measured without the stack sampler: each of its samples stops every sampled thread (a safepoint
        // every 50 ms), which entered the readers' latencies; who waits for the store is sampled after it
        Measured served = measure(bench, "reader", paths, false);
        // the same readers asking for answers computed from the views (Cache-Control: no-cache): what each
        // read costs when its views changed since the answer was kept, e.g. under a stream of commands
        Measured recomputed = measure(bench, "reader-no-cache", paths, true);
        ThreadSampler waiting = new ThreadSampler("readers", ThreadSampler::mayCallStore, ThreadSampler::storeCaller,
                Report.STORE_WAIT_SAMPLING_MS, 1_000_000);
        try {
            Load.run("reader-sampled", readers, SAMPLED_WINDOW, Long.MAX_VALUE,
                    n -> bench.api.readOkLength(paths.get((int) (n % paths.size())), true));
        } finally {
            waiting.close();
        }
        bench.report.current().storeWaits.put("readers x" + readers + ", no-cache", waiting.averages());
        bench.report.queries(new Report.Queries(readers, served.load().elapsed(), served.byEndpoint(), alone,
                served.load().cpu(), recomputed.load().elapsed(), recomputed.byEndpoint()));
        served.byEndpoint().forEach((endpoint, l) -> {
            Latencies again = recomputed.byEndpoint().get(endpoint);
            Bench.log("  " + endpoint + ": alone p50 " + Format.millis(alone.get(endpoint).percentileMillis(0.5)) + "; with "
                    + readers + " readers " + Format.count(l.count()) + " requests, p50 " + Format.millis(l.percentileMillis(0.5))
                    + ", p99 " + Format.millis(l.percentileMillis(0.99)) + "; no-cache " + Format.count(again.count())
                    + " requests, p50 " + Format.millis(again.percentileMillis(0.5)) + ", p99 "
                    + Format.millis(again.percentileMillis(0.99)));
        });
    }

    private record Measured(Load.Result load, Map<String, Latencies> byEndpoint) {
    }

    /** --readers closed-loop readers for --query-duration, each cycling through the endpoints; latency per endpoint. */
    private static Measured measure(Bench bench, String name, List<String> paths, boolean recompute) throws Exception {
        List<Latencies.Recorder[]> recorders = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<Latencies.Recorder[]> mine = ThreadLocal.withInitial(() -> {
            Latencies.Recorder[] perEndpoint = new Latencies.Recorder[paths.size()];
            for (int i = 0; i < perEndpoint.length; i++) {
                perEndpoint[i] = new Latencies.Recorder();
            }
            recorders.add(perEndpoint);
            return perEndpoint;
        });
        Load.Result r = Load.run(name, bench.options.readers(), bench.options.queryPhaseDuration(), Long.MAX_VALUE, n -> {
            int endpoint = (int) (n % paths.size());
            long t0 = System.nanoTime();
            bench.api.readOkLength(paths.get(endpoint), recompute);
            mine.get()[endpoint].add(System.nanoTime() - t0);
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
        return new Measured(r, byEndpoint);
    }
}
