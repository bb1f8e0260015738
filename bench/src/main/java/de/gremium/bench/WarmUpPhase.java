package de.gremium.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Lets the JIT, the connection pools and the store settle before anything is measured; not reported.
 * Runs rounds of every kind of operation the phases use (commands with 1 and 8 clients, raw appends,
 * reads of present and absent reports) until --warmup commands were sent (at most
 * {@link #LIMIT}). It does not wait for the JIT to settle: on a small machine that takes minutes, and
 * the commands sent meanwhile would grow the store, which itself slows the system down (see README).
 * How busy the JIT still was is reported.
 */
final class WarmUpPhase implements Phase {

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final int COMMANDS_PER_ROUND = 200;
    private static final int RAW_PER_ROUND = 1000;
    private static final int READS_PER_ROUND = 100;

    @Override
    public String title() {
        return "warm-up";
    }

    @Override
    public void run(Bench bench) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean canTellJit = jit != null && jit.isCompilationTimeMonitoringSupported();
        bench.record.freshRawTable();
        long start = System.nanoTime();
        long deadline = start + LIMIT.toNanos();
        long commands = 0;
        double jitCores = 0;
        int round = 0;
        while (commands < bench.options.warmup() && System.nanoTime() < deadline) {
            round++;
            long jitBefore = canTellJit ? jit.getTotalCompilationTime() : 0;
            long roundStart = System.nanoTime();
            for (int clients : new int[] {8, 1}) {
                Load.Result r = Load.run("warmup", clients, Duration.ofSeconds(30), COMMANDS_PER_ROUND / 2,
                        n -> bench.api.submit("Warm-up report " + n));
                commands += r.ops();
            }
            List<RecordDatabase.RawAppender> appenders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                appenders.add(bench.record.rawAppender());
            }
            ConcurrentLinkedQueue<RecordDatabase.RawAppender> free = new ConcurrentLinkedQueue<>(appenders);
            ThreadLocal<RecordDatabase.RawAppender> mine = ThreadLocal.withInitial(free::remove);
            try {
                Load.run("warmup-raw", 8, Duration.ofSeconds(30), RAW_PER_ROUND, n -> mine.get().append());
            } finally {
                for (RecordDatabase.RawAppender appender : appenders) {
                    appender.close();
                }
            }
            String present = bench.api.submit("Warm-up report, read back");
            commands++;
            Load.run("warmup-read", 4, Duration.ofSeconds(30), READS_PER_ROUND,
                    n -> bench.api.isVisible(n % 2 == 0 ? present : UUID.randomUUID().toString()));
            long wall = System.nanoTime() - roundStart;
            jitCores = canTellJit ? (jit.getTotalCompilationTime() - jitBefore) * 1e6 / wall : 0;
            Bench.log(String.format(Locale.ROOT, "  round %d: %s commands so far; JIT compiler threads busy %.2f cores",
                    round, Format.count(commands), jitCores));
        }
        Duration caughtUp = bench.awaitQuiet();
        Bench.log("  views caught up in " + Format.millis(caughtUp.toNanos() / 1e6));
        if (round > 0) {
            bench.report.context(String.format(Locale.ROOT, "warm-up: %s commands in %d rounds, %.0f s; JIT compiler "
                    + "threads still busy %.2f cores in the last round", Format.count(commands), round,
                    (System.nanoTime() - start) / 1e9, jitCores));
        }
        idle(bench);
    }

    /** What the system costs doing nothing (polling the record, timers): a floor under every phase. */
    private static void idle(Bench bench) throws Exception {
        long events = bench.storedEvents();
        CpuMeter.Snapshot before = bench.cpu.snapshot();
        Thread.sleep(IDLE.toMillis()); // pacing: nothing is timed but the CPU over this window
        CpuMeter.Usage used = bench.cpu.since(before);
        double seconds = used.wallNanos() / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "idle system (%s, %s events stored): the JVM %.3f "
                + "cores, PostgreSQL %.3f cores", Format.duration(IDLE), Format.count(events), used.processCpu() / 1e9 / seconds,
                used.postgresCpu() / 1e9 / seconds));
        String parts = used.byGroup().entrySet().stream().filter(e -> e.getValue() / 1e9 / seconds >= 0.005)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 1e9 / seconds))
                .collect(Collectors.joining(", "));
        if (!parts.isEmpty()) {
            line.append(" (").append(parts).append(')');
        }
        bench.report.context(line.toString());
        Bench.log("  " + line);
    }
}
