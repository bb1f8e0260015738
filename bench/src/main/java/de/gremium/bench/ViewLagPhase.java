package de.gremium.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Event -> view lag: one command at a steady moderate rate; from each 201 a poller reads the report on
 * the query side until it answers 200. The lag is the time between the 201 and that 200. The command side and the
 * query side share nothing but the stores: the query side's processors find the event by polling the record.
 */
final class ViewLagPhase implements Phase {

    private static final int POLLERS = 32;

    @Override
    public String title() {
        return "event -> view lag";
    }

    @Override
    public void run(Bench bench) throws Exception {
        BenchOptions o = bench.options;
        bench.awaitQuiet();
        List<Latencies> rounds = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        int lost = 0;
        for (int round = 1; round <= o.rounds(); round++) {
            Sample sample = sample(bench);
            rounds.add(sample.lags());
            rates.add(sample.perSecond());
            lost += sample.lost();
            Bench.log("  round " + round + ": p50 " + Format.millis(sample.lags().percentileMillis(0.5)) + ", p99 "
                    + Format.millis(sample.lags().percentileMillis(0.99)) + (sample.lost() > 0 ? ", " + sample.lost() + " lost" : ""));
            bench.awaitQuiet();
        }
        Table table = new Table(List.of("samples", "commands/s", "lag p50", "lag p99", "lag max", "lost"));
        table.row(List.of(Format.count(rounds.stream().mapToLong(Latencies::count).sum()), Format.spread(rates, Format::rate),
                Format.spread(percentiles(rounds, 0.5), Format::millis), Format.spread(percentiles(rounds, 0.99), Format::millis),
                Format.spread(percentiles(rounds, 1.0), Format::millis), Integer.toString(lost)));
        bench.report.add("Event → view lag", "One `POST /api/problem-reports` every " + Format.duration(o.lagInterval()) + " ("
                + o.lagSamples() + " per round, " + o.rounds() + " rounds: median (min–max) of the rounds); from each 201 a poller "
                + "reads `GET /api/problem-reports/{id}` on the query side every " + Format.duration(o.lagPoll())
                + " until it answers 200. The query side learns of new events by polling the record every "
                + bench.system.queryProperty("gremium.record.fetch-delay", "50ms") + " (`gremium.record.fetch-delay`).", table);
        double p99 = Format.median(percentiles(rounds, 0.99));
        bench.report.check("event → view lag p99 ≤ 100 ms", Format.spread(percentiles(rounds, 0.99), Format::millis)
                + (lost > 0 ? ", " + lost + " lost" : ""), p99 <= Report.MAX_LAG_P99_MS && lost == 0);
    }

    private static List<Double> percentiles(List<Latencies> rounds, double p) {
        return rounds.stream().map(l -> p >= 1.0 ? l.maxMillis() : l.percentileMillis(p)).toList();
    }

    private record Sample(Latencies lags, double perSecond, int lost) {
    }

    private static Sample sample(Bench bench) throws Exception {
        BenchOptions o = bench.options;
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pollers = Executors.newFixedThreadPool(POLLERS, r -> {
            Thread t = new Thread(r, "bench-lag-poller-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> samples = new ArrayList<>(o.lagSamples());
            long start = System.nanoTime();
            long next = start;
            for (int i = 0; i < o.lagSamples(); i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String id = bench.api.submit("Lag sample " + i);
                long acknowledged = System.nanoTime();
                samples.add(pollers.submit(() -> awaitVisible(bench.api, id, acknowledged, o)));
                // steady pace; if a command took longer than the interval, the next one goes at once, no burst
                next = Math.max(next + o.lagInterval().toNanos(), System.nanoTime());
            }
            double achieved = o.lagSamples() / ((System.nanoTime() - start) / 1e9);
            long[] lags = new long[samples.size()];
            int visible = 0;
            int lost = 0;
            for (Future<Long> sample : samples) {
                long lag;
                try {
                    lag = sample.get(o.lagTimeout().toMillis() + 30_000, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    lag = -1;
                }
                if (lag < 0) {
                    lost++;
                } else {
                    lags[visible++] = lag;
                }
            }
            return new Sample(new Latencies(Arrays.copyOf(lags, visible)), achieved, lost);
        } finally {
            pollers.shutdownNow();
        }
    }

    /** Nanoseconds from the 201 until the view answers 200, or -1 if it did not within --lag-timeout. */
    private static long awaitVisible(Api api, String id, long acknowledged, BenchOptions o) throws Exception {
        long deadline = acknowledged + o.lagTimeout().toNanos();
        while (true) {
            if (api.isVisible(id)) {
                return System.nanoTime() - acknowledged;
            }
            if (System.nanoTime() > deadline) {
                return -1;
            }
            LockSupport.parkNanos(o.lagPoll().toNanos());
        }
    }
}
