package de.gremium.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the CPU went during a phase: the JVM's CPU time, split by thread name into the parts of the
 * system (everything runs in this one JVM). What no Java thread accounts for is JIT, GC and the VM.
 */
final class CpuAccounting {

    static final String HTTP = "HTTP request threads (Tomcat, both sides)";
    static final String MONGO = "embedded MongoDB server (mongo-java-server)";
    static final String H2 = "H2 MVStore (serialization, commit, writer)";
    static final String PROCESSING = "query side event processing (Axon)";
    static final String CLIENTS = "benchmark clients (incl. JDK HttpClient)";
    static final String OTHER = "other Java threads";

    /**
     * Thread groups, first match wins; the names are those the libraries give their threads. Axon's
     * tracking processors run on "EventProcessor[name]-n", the pooled ones on "WorkPackage"/"Coordinator",
     * the event store's shared fetch on "EmbeddedEventStore-n".
     */
    static final List<Map.Entry<String, Pattern>> GROUPS = List.of(
            Map.entry(HTTP, Pattern.compile("^http-nio-.*-exec-")),
            Map.entry(MONGO, Pattern.compile("^mongo-server-")),
            // the embedded server's committer commits the H2 MVStore once a second (serialising its dirty pages)
            Map.entry(H2, Pattern.compile("^H2-|MVStore|^embedded-mongo-committer-")),
            Map.entry(PROCESSING, Pattern.compile("^EventProcessor\\[|^WorkPackage|^Coordinator|^EmbeddedEventStore")),
            Map.entry(CLIENTS, Pattern.compile("^bench-|^HttpClient-")),
            Map.entry(OTHER, Pattern.compile("")));
    static final String VM = "JIT, GC and other VM threads";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(
            com.sun.management.OperatingSystemMXBean.class);

    record Snapshot(long processCpu, Map<Long, Long> threadCpu, Map<Long, String> names) {
    }

    /** CPU nanoseconds per group, plus the process total under "total". */
    record Usage(long processCpu, Map<String, Long> byGroup) {
    }

    boolean supported() {
        return os != null && threads.isThreadCpuTimeSupported() && os.getProcessCpuTime() >= 0;
    }

    Snapshot snapshot() {
        if (!supported()) {
            return new Snapshot(0, Map.of(), Map.of());
        }
        if (!threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
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
        return new Snapshot(os.getProcessCpuTime(), cpu, names);
    }

    /** From {@code before} to a new snapshot; threads that ended in between are lost to "VM". */
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
            String name = after.names().get(t.getKey());
            String group = GROUPS.stream().filter(g -> g.getValue().matcher(name).find()).findFirst().orElseThrow().getKey();
            groups.merge(group, used, Long::sum);
        }
        long process = after.processCpu() - before.processCpu();
        groups.put(VM, Math.max(0, process - javaThreads));
        return new Usage(process, groups);
    }
}
