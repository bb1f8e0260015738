package de.gremium.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Where the CPU went during a phase. This JVM runs Gremium (both sides), the embedded view store and the
 * benchmark's clients; their CPU is told apart by thread name. PostgreSQL is a process tree of its own, read from
 * /proc. What no Java thread accounts for is JIT, GC and the VM, counted as Gremium's (the harness's allocations add
 * a little to the GC).
 */
final class CpuMeter {

    static final String HTTP = "HTTP request threads (Tomcat, both sides)";
    static final String PROCESSING = "event processors (Axon)";
    static final String OTHER = "other Gremium threads (pools, schedulers, drivers)";
    static final String JIT = "JIT compilation (the compiler threads' time)";
    static final String VM = "GC and other VM threads";
    static final String VIEW_STORE = "the view store (mongo-java-server, H2)";
    static final String BENCH = "the benchmark's clients (JDK HttpClient, JDBC)";

    /** Thread groups, first match wins; the names are those the libraries give their threads. */
    static final List<Map.Entry<String, Pattern>> GROUPS = List.of(
            Map.entry(VIEW_STORE, Pattern.compile("^mongo-server-|MVStore|^H2 ")),
            Map.entry(BENCH, Pattern.compile("^bench-|^HttpClient-")),
            Map.entry(HTTP, Pattern.compile("^http-nio-.*-exec-")),
            Map.entry(PROCESSING, Pattern.compile("^EventProcessor\\[|^WorkPackage|^Coordinator|^EmbeddedEventStore")),
            Map.entry(OTHER, Pattern.compile("")));
    /**
     * Gremium's own: everything in the JVM but the view store, the benchmark and the JIT compiler. The JIT's time is
     * reported apart: on two shared cores it takes minutes after the warm-up to compile everything, and its time is
     * not what an operation costs once it has.
     */
    static final List<String> GREMIUM = List.of(HTTP, PROCESSING, OTHER, VM);

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    private final com.sun.management.OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(
            com.sun.management.OperatingSystemMXBean.class);
    /** PostgreSQL's CPU so far (ns), or -1 if it cannot be read. */
    private final Supplier<Long> postgres;

    CpuMeter(Supplier<Long> postgres) {
        this.postgres = postgres;
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    record Snapshot(long wallNanos, long processCpu, long postgresCpu, Map<Long, Long> jitTicks, Map<Long, Long> threadCpu,
            Map<Long, String> names) {
    }

    /** CPU nanoseconds per group (JVM), the JVM's total, PostgreSQL's (-1: unknown), over a wall time. */
    record Usage(long wallNanos, long processCpu, long postgresCpu, Map<String, Long> byGroup) {
        long group(String name) {
            return byGroup.getOrDefault(name, 0L);
        }

        long gremium() {
            return GREMIUM.stream().mapToLong(this::group).sum();
        }

        /** Busy cores of the JVM and PostgreSQL together. */
        double coresBusy() {
            return (processCpu + Math.max(0, postgresCpu)) / (double) wallNanos;
        }
    }

    Snapshot snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long t = threads.getThreadCpuTime(ids[i]);
            if (t >= 0 && infos[i] != null) {
                cpu.put(ids[i], t);
                names.put(ids[i], infos[i].getThreadName());
            }
        }
        return new Snapshot(System.nanoTime(), os.getProcessCpuTime(), postgres.get(), OsProcesses.compilerThreadTicks(), cpu,
                names);
    }

    /** From {@code before} to now; the CPU of threads that ended in between falls to "VM". */
    Usage since(Snapshot before) {
        Snapshot after = snapshot();
        Map<String, Long> groups = new LinkedHashMap<>();
        GROUPS.forEach(g -> groups.put(g.getKey(), 0L));
        long javaThreads = 0;
        for (Map.Entry<Long, Long> t : after.threadCpu().entrySet()) {
            long used = t.getValue() - before.threadCpu().getOrDefault(t.getKey(), 0L);
            if (used <= 0) {
                continue;
            }
            javaThreads += used;
            groups.merge(group(after.names().get(t.getKey())), used, Long::sum);
        }
        long process = after.processCpu() - before.processCpu();
        // the compiler threads are hidden from the thread bean: their CPU is read from /proc/self/task
        long vm = Math.max(0, process - javaThreads);
        long jitTicks = 0;
        for (Map.Entry<Long, Long> t : after.jitTicks().entrySet()) {
            jitTicks += Math.max(0, t.getValue() - before.jitTicks().getOrDefault(t.getKey(), 0L));
        }
        long jitNanos = Math.min(vm, OsProcesses.ticksToNanos(jitTicks));
        groups.put(JIT, jitNanos);
        groups.put(VM, vm - jitNanos);
        long pg = before.postgresCpu() < 0 || after.postgresCpu() < 0 ? -1 : after.postgresCpu() - before.postgresCpu();
        return new Usage(after.wallNanos() - before.wallNanos(), process, pg, groups);
    }

    static String group(String threadName) {
        return GROUPS.stream().filter(g -> g.getValue().matcher(threadName).find()).findFirst().orElseThrow().getKey();
    }
}
