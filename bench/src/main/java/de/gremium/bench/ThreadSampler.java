package de.gremium.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small wall-clock profiler: every few milliseconds it takes the stacks of the threads whose name matches, puts
 * each into a category (or none: not counted), and counts. Samples of a category divided by the rounds taken is the
 * average number of those threads that were there; for one thread, the share of its wall time. Each round stops the
 * sampled threads briefly (a safepoint), so latencies are never measured while it runs.
 */
final class ThreadSampler implements AutoCloseable {

    private static final int REFRESH_EVERY = 20;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private long rounds;

    ThreadSampler(String name, Predicate<String> threadName, Function<ThreadInfo, String> category, long intervalMillis) {
        sampler = new Thread(() -> {
            long[] ids = new long[0];
            long round = 0;
            while (running) {
                if (ids.length == 0 || round % REFRESH_EVERY == 0) {
                    ids = find(threadName); // threads come and go (pools grow, processors restart)
                }
                ThreadInfo[] infos = ids.length == 0 ? new ThreadInfo[0] : threads.getThreadInfo(ids, 128);
                for (ThreadInfo info : infos) {
                    String c = info == null ? null : category.apply(info);
                    if (c != null) {
                        synchronized (counts) {
                            counts.merge(c, 1L, Long::sum);
                        }
                    }
                }
                synchronized (counts) {
                    rounds = ++round;
                }
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-sampler-" + name);
        sampler.setDaemon(true);
        sampler.start();
    }

    private long[] find(Predicate<String> threadName) {
        long[] all = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(all); // names only, no stacks
        return java.util.stream.IntStream.range(0, all.length)
                .filter(i -> infos[i] != null && threadName.test(infos[i].getThreadName()))
                .mapToLong(i -> all[i]).toArray();
    }

    /** Average number of sampled threads in each category (samples / rounds), largest first. */
    Map<String, Double> averages() {
        synchronized (counts) {
            Map<String, Double> averages = new LinkedHashMap<>();
            counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .forEach(e -> averages.put(e.getKey(), rounds == 0 ? 0 : e.getValue() / (double) rounds));
            return averages;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(5_000);
    }

    // ------------------------------------------------------------------ what a thread is doing

    static final String PG_COMMIT = "waiting for PostgreSQL: COMMIT (WAL flush)";
    static final String PG_APPEND = "waiting for PostgreSQL: appending events (INSERT)";
    static final String PG_EVENTS = "waiting for PostgreSQL: reading events";
    static final String PG_TOKENS = "waiting for PostgreSQL: tokens";
    static final String PG_DEAD_LETTERS = "waiting for PostgreSQL: dead-letter queue";
    static final String PG_OTHER = "waiting for PostgreSQL: other statements";
    static final String POOL = "waiting for a pooled connection (Hikari)";
    static final String VIEW_STORE = "waiting for the view store";
    static final String LOCKED = "waiting on a lock or a queue";
    static final String IDLE = "idle (waiting for events)";

    /** What a thread that may talk to both stores is doing, by its stack: waiting for one of them, or running code. */
    static String activity(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        if (stack.length == 0) {
            return "running: other code";
        }
        if (topFrames(stack, 40, "sun.nio.ch.", "java.net.Socket", "sun.nio.ch.NioSocketImpl", "java.net.SocketInputStream")) {
            if (anyFrame(stack, "org.postgresql.")) {
                if (anyMethod(stack, "org.postgresql.jdbc.PgConnection", "commit")) {
                    return PG_COMMIT;
                }
                if (anyMethod(stack, "org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine", "appendEvents")) {
                    return PG_APPEND;
                }
                if (anyFrame(stack, "org.axonframework.eventsourcing.eventstore.jdbc.")) {
                    return PG_EVENTS;
                }
                if (anyFrame(stack, "org.axonframework.eventhandling.tokenstore.")) {
                    return PG_TOKENS;
                }
                if (anyFrame(stack, "org.axonframework.eventhandling.deadletter.jdbc.")) {
                    return PG_DEAD_LETTERS;
                }
                return PG_OTHER + " (" + caller(stack) + ")";
            }
            if (anyFrame(stack, "com.mongodb.")) {
                return VIEW_STORE;
            }
        }
        String top = stack[0].getClassName() + "." + stack[0].getMethodName();
        boolean parked = top.startsWith("jdk.internal.misc.Unsafe.park") || top.startsWith("java.lang.Object.wait")
                || top.startsWith("java.lang.Thread.sleep") || info.getThreadState() == Thread.State.BLOCKED;
        if (parked) {
            if (anyFrame(stack, "com.zaxxer.hikari.")) {
                return POOL;
            }
            if (anyFrame(stack, "org.axonframework.eventsourcing.eventstore.EmbeddedEventStore",
                    "org.axonframework.eventhandling.pooled.Coordinator", "java.util.concurrent.ScheduledThreadPoolExecutor")) {
                return IDLE;
            }
            return LOCKED;
        }
        return "running: " + running(stack);
    }

    /** Whose code a running thread is in: the first frame from the top that is not the JDK's. */
    private static String running(StackTraceElement[] stack) {
        for (int i = 0; i < Math.min(stack.length, 24); i++) {
            String c = stack[i].getClassName();
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("com.sun.")) {
                continue;
            }
            if (c.startsWith("com.fasterxml.jackson.")) {
                return "JSON (Jackson)";
            }
            if (c.startsWith("org.springframework.security.")) {
                return "Spring Security";
            }
            if (c.startsWith("org.axonframework.")) {
                return "Axon";
            }
            if (c.startsWith("org.postgresql.") || c.startsWith("com.zaxxer.hikari.")) {
                return "PostgreSQL driver and pool";
            }
            if (c.startsWith("com.mongodb.") || c.startsWith("org.bson.") || c.startsWith("org.springframework.data.")) {
                return "MongoDB driver and Spring Data mapping";
            }
            if (c.startsWith("org.apache.") || c.startsWith("org.springframework.")) {
                return "Tomcat and Spring";
            }
            if (c.startsWith("de.gremium.")) {
                return "Gremium";
            }
            return "other code";
        }
        return "JDK code";
    }

    /** Tomcat's request threads of either side ("http-nio-127.0.0.1-auto-1-exec-3": named by endpoint, not by port). */
    static boolean isRequestThread(String threadName) {
        return threadName.startsWith("http-nio-") && threadName.contains("-exec-");
    }

    /** The coarse activity of a thread: "running: …" as one, PostgreSQL's other statements as one, the rest as it is. */
    static String coarse(String activity) {
        if (activity.startsWith("running: ")) {
            return "running code";
        }
        return activity.startsWith(PG_OTHER) ? PG_OTHER : activity;
    }

    /** Who sent a statement: the first Gremium, Axon or Spring frame from the top, as Class.method. */
    private static String caller(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String c = frame.getClassName();
            if (c.startsWith("de.gremium.") || c.startsWith("org.axonframework.") || c.startsWith("org.springframework.")) {
                return c.substring(c.lastIndexOf('.') + 1).replaceAll("\\$\\$.*$", "") + "." + frame.getMethodName();
            }
        }
        return "other";
    }

    /** Whether the thread is in an HTTP request (not idle in Tomcat's pool). */
    static boolean inRequest(ThreadInfo info) {
        return anyFrame(info.getStackTrace(), "org.apache.catalina.core.ApplicationFilterChain");
    }

    /** The processor a thread works for: "EventProcessor[problem-board]-0" and "WorkPackage[audit-log]-0" give the name. */
    static String processorOf(String threadName) {
        int open = threadName.indexOf('[');
        int close = threadName.indexOf(']', open + 1);
        return open < 0 || close < 0 ? threadName : threadName.substring(open + 1, close);
    }

    static boolean anyFrame(StackTraceElement[] stack, String... classPrefixes) {
        for (StackTraceElement frame : stack) {
            for (String prefix : classPrefixes) {
                if (frame.getClassName().startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean anyMethod(StackTraceElement[] stack, String className, String method) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals(className) && frame.getMethodName().equals(method)) {
                return true;
            }
        }
        return false;
    }

    static boolean topFrames(StackTraceElement[] stack, int depth, String... classPrefixes) {
        for (int i = 0; i < Math.min(depth, stack.length); i++) {
            for (String prefix : classPrefixes) {
                if (stack[i].getClassName().startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
