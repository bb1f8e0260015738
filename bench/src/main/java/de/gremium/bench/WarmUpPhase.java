package de.gremium.bench;

import com.mongodb.client.MongoCollection;
import de.gremium.platform.store.Durability;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * Lets the JIT, the connection pools and the store settle before anything is measured; not reported.
 * Runs rounds of every kind of operation the phases use (commands with 1 and 8 clients, raw inserts
 * with flush, reads of present and absent reports) until --warmup commands were sent (at most
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
        Document template = bench.eventTemplate();
        MongoCollection<Document> raw = bench.raw.getDatabase(RawInsertPhase.DATABASE).getCollection("warmup");
        Durability durability = bench.system.durability();
        long start = System.nanoTime();
        long deadline = start + LIMIT.toNanos();
        long commands = 0;
        double jitCores = 0;
        int round = 0;
        while (commands < bench.options.warmup() && System.nanoTime() < deadline) {
            round++;
            long jitBefore = canTellJit ? jit.getTotalCompilationTime() : 0;
            long roundStart = System.nanoTime();
            String id = null;
            for (int clients : new int[] {8, 1}) {
                Load.Result r = Load.run("warmup", clients, Duration.ofSeconds(30), COMMANDS_PER_ROUND / 2,
                        n -> bench.api.submit("Warm-up report " + n));
                commands += r.ops();
            }
            Load.run("warmup-raw", 8, Duration.ofSeconds(30), RAW_PER_ROUND, n -> {
                raw.insertOne(new Document(template));
                durability.flush();
            });
            String present = bench.api.submit("Warm-up report, read back");
            commands++;
            Load.run("warmup-read", 4, Duration.ofSeconds(30), READS_PER_ROUND,
                    n -> bench.api.isVisible(n % 2 == 0 ? present : UUID.randomUUID().toString()));
            long wall = System.nanoTime() - roundStart;
            jitCores = canTellJit ? (jit.getTotalCompilationTime() - jitBefore) * 1e6 / wall : 0;
            Bench.log(String.format(Locale.ROOT, "  round %d: %s commands so far; JIT compiler threads busy %.2f cores",
                    round, Format.count(commands), jitCores));
        }
        bench.drop(raw);
        Duration caughtUp = bench.awaitQuiet();
        Bench.log("  views caught up in " + Format.millis(caughtUp.toNanos() / 1e6));
        if (round > 0) {
            bench.report.context(String.format(Locale.ROOT, "warm-up: %s commands in %d rounds, %.0f s; JIT compiler "
                    + "threads still busy %.2f cores in the last round", Format.count(commands), round,
                    (System.nanoTime() - start) / 1e9, jitCores));
        }
        idle(bench);
    }

    /** What the system costs doing nothing (polling the store, timers): a floor under every phase. */
    private static void idle(Bench bench) throws Exception {
        CpuAccounting cpu = new CpuAccounting();
        if (!cpu.supported()) {
            return;
        }
        long events = bench.storedEvents();
        CpuAccounting.Snapshot before = cpu.snapshot();
        long start = System.nanoTime();
        Thread.sleep(IDLE.toMillis());
        CpuAccounting.Usage used = cpu.since(before);
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "idle system (%s, %s events stored): %s cores busy",
                Format.duration(IDLE), Format.count(events), Format.cores(used.processCpu() / 1e9 / seconds)));
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
