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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Event -> view lag: one command at a steady moderate rate; from each 201 a poller reads the report on
 * the query side until it answers 200. The lag is the time between the 201 and that 200.
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
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pollers = Executors.newFixedThreadPool(POLLERS, r -> {
            Thread t = new Thread(r, "bench-lag-poller-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicLong reads = new AtomicLong();
        CpuAccounting cpu = new CpuAccounting();
        CpuAccounting.Snapshot cpuBefore = cpu.snapshot();
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
                samples.add(pollers.submit(() -> awaitVisible(bench.api, id, acknowledged, o, reads)));
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
            long elapsed = System.nanoTime() - start;
            double coresBusy = cpu.since(cpuBefore).processCpu() / (double) elapsed;
            Latencies latencies = new Latencies(Arrays.copyOf(lags, visible));
            bench.report.lag(new Report.Lag(o.lagSamples(), o.lagInterval(), o.lagPoll(), achieved, latencies, lost,
                    reads.get(), coresBusy));
            Bench.log("  p50 " + Format.millis(latencies.percentileMillis(0.5)) + ", p99 "
                    + Format.millis(latencies.percentileMillis(0.99)) + (lost > 0 ? ", " + lost + " lost" : ""));
            bench.awaitViewsCaughtUp(); // names the lost ones, if any
        } finally {
            pollers.shutdownNow();
        }
    }

    /** Nanoseconds from the 201 until the view answers 200, or -1 if it did not within --lag-timeout. */
    private static long awaitVisible(Api api, String id, long acknowledged, BenchOptions o, AtomicLong reads)
            throws Exception {
        long deadline = acknowledged + o.lagTimeout().toNanos();
        while (true) {
            reads.incrementAndGet();
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
