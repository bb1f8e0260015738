package de.gremium.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

/**
 * Closed-loop load: {@code clients} threads each run the operation back to back until the time is
 * up or {@code maxOps} operations were issued, whichever comes first. The first failure stops all
 * clients and is rethrown.
 */
final class Load {

    /** One operation of one client; {@code n} counts the operations of the whole run. */
    @FunctionalInterface
    interface Operation {
        void run(long n) throws Exception;
    }

    record Result(int clients, long ops, Duration elapsed, Latencies latencies, CpuMeter.Usage cpu) {
        double perSecond() {
            return ops / (elapsed.toNanos() / 1e9);
        }

        /** Microseconds of CPU per operation: Gremium's own (the JVM without the view store and the clients). */
        double gremiumMicros() {
            return perOp(cpu.gremium());
        }

        double groupMicros(String group) {
            return perOp(cpu.group(group));
        }

        /** Microseconds of PostgreSQL's CPU per operation (NaN if unknown). */
        double postgresMicros() {
            return cpu.postgresCpu() < 0 ? Double.NaN : perOp(cpu.postgresCpu());
        }

        private double perOp(long nanos) {
            return ops == 0 ? Double.NaN : nanos / 1e3 / ops;
        }
    }

    /** A meter for runs whose CPU nobody reads (warm-ups). */
    static final CpuMeter NO_POSTGRES = new CpuMeter(() -> -1L);

    private Load() {
    }

    static Result run(String name, int clients, Duration duration, long maxOps, Operation operation)
            throws InterruptedException {
        return run(name, clients, duration, maxOps, NO_POSTGRES, operation);
    }

    static Result run(String name, int clients, Duration duration, long maxOps, CpuMeter meter, Operation operation)
            throws InterruptedException {
        AtomicLong issued = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Latencies.Recorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[] startedAt = new long[1];
        for (int i = 0; i < clients; i++) {
            Latencies.Recorder recorder = new Latencies.Recorder();
            recorders.add(recorder);
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    long deadline = startedAt[0] + duration.toNanos();
                    while (failure.get() == null && System.nanoTime() < deadline) {
                        long n = issued.getAndIncrement();
                        if (n >= maxOps) {
                            break;
                        }
                        long t0 = System.nanoTime();
                        operation.run(n);
                        recorder.add(System.nanoTime() - t0);
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-" + name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        CpuMeter.Snapshot cpuBefore = meter.snapshot();
        startedAt[0] = System.nanoTime();
        go.countDown();
        long joinDeadline = startedAt[0] + duration.toNanos() + Duration.ofMinutes(2).toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (joinDeadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                failure.compareAndSet(null, new BenchFailure(name + ": a client hangs 2 minutes after the end of the phase"));
            }
        }
        long elapsed = System.nanoTime() - startedAt[0];
        CpuMeter.Usage cpu = meter.since(cpuBefore);
        Throwable failed = failure.get();
        if (failed instanceof BenchFailure e) {
            throw e;
        }
        if (failed != null) {
            throw new BenchFailure(name + " failed: " + failed, failed);
        }
        long[] all = recorders.stream().flatMapToLong(r -> LongStream.of(r.toArray())).toArray();
        return new Result(clients, done.get(), Duration.ofNanos(elapsed), new Latencies(all), cpu);
    }
}
