package de.gremium.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A small wall-clock profiler: every few milliseconds it takes the stacks of the threads whose name
 * matches, puts each into a category (or none), and counts. Samples of a category divided by the
 * rounds taken is the average number of those threads that were there (running, or waiting on a
 * socket); for a single thread, the share of its wall time. Bounded: it stops at {@link #close()} or
 * after {@code maxRounds}.
 */
final class ThreadSampler implements AutoCloseable {

    private static final int REFRESH_EVERY = 20;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, String> examples = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private long rounds;

    ThreadSampler(String name, Predicate<String> threadName, BiFunction<String, StackTraceElement[], String> category,
            long intervalMillis, long maxRounds) {
        sampler = new Thread(() -> {
            long[] ids = new long[0];
            long round = 0;
            while (running && round < maxRounds) {
                if (ids.length == 0 || round % REFRESH_EVERY == 0) {
                    ids = find(threadName); // threads come and go (pools grow, processors restart)
                }
                ThreadInfo[] infos = ids.length == 0 ? new ThreadInfo[0] : threads.getThreadInfo(ids, 96);
                for (ThreadInfo info : infos) {
                    if (info == null) {
                        continue; // ended
                    }
                    String c = category.apply(info.getThreadName(), info.getStackTrace());
                    if (c != null) {
                        synchronized (counts) {
                            counts.merge(c, 1L, Long::sum);
                            examples.computeIfAbsent(c, k -> Arrays.stream(info.getStackTrace()).limit(14)
                                    .map(StackTraceElement::toString).collect(Collectors.joining("\n        ")));
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

    /** Samples per category, largest first. */
    Map<String, Long> counts() {
        synchronized (counts) {
            Map<String, Long> sorted = new LinkedHashMap<>();
            counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        }
    }

    /** Average number of sampled threads in each category (samples / rounds), largest first. */
    Map<String, Double> averages() {
        long r = rounds();
        Map<String, Double> averages = new LinkedHashMap<>();
        counts().forEach((c, n) -> averages.put(c, r == 0 ? 0 : n / (double) r));
        return averages;
    }

    /** The first stack seen in a category (top frames), for the log. */
    String example(String category) {
        synchronized (counts) {
            return examples.get(category);
        }
    }

    long rounds() {
        synchronized (counts) {
            return rounds;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(5_000);
    }

    /** Whether the thread waits for an answer of the store (a socket read below the MongoDB driver). */
    static boolean waitsForStore(StackTraceElement[] stack) {
        return topFrames(stack, 40, "sun.nio.ch.", "java.net.Socket", "com.mongodb.internal.connection.SocketStream")
                && anyFrame(stack, "com.mongodb.");
    }

    /** Threads that may call the store: not the benchmark's, not the store's own, not the JVM's. */
    static boolean mayCallStore(String threadName) {
        return !threadName.startsWith("bench-") && !threadName.startsWith("mongo-server-") && !threadName.startsWith("H2")
                && !threadName.startsWith("HttpClient-") && !threadName.contains("MVStore");
    }

    /**
     * For a thread waiting for the store: which code asked, as "thread: Class.method" of the first
     * Gremium or Axon frame below the driver; null for a thread not waiting for the store.
     */
    static String storeCaller(String threadName, StackTraceElement[] stack) {
        if (!waitsForStore(stack)) {
            return null;
        }
        String thread = threadName.startsWith("http-nio-") ? "HTTP request" : threadName.replaceAll("-?\\d+$", "");
        for (StackTraceElement frame : stack) {
            String c = frame.getClassName();
            boolean gremium = c.startsWith("de.gremium.") && !c.startsWith("de.gremium.bench.");
            boolean axonStore = c.startsWith("org.axonframework.") && (c.contains(".mongo.") || c.contains("TokenStore")
                    || c.contains("EventStore") || c.contains("StorageEngine") || c.contains("Repository"));
            if (gremium || axonStore) {
                String simple = c.substring(c.lastIndexOf('.') + 1).replaceAll("\\$\\$.*$", "");
                return thread + ": " + simple + "." + frame.getMethodName().replaceAll("^lambda\\$(\\w+)\\$\\d+$", "$1");
            }
        }
        return thread + ": (other)";
    }

    /** Whether any frame of the stack is in a class whose name starts with one of the prefixes. */
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

    /** Whether the top frames (up to {@code depth}) include one in a class starting with one of the prefixes. */
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
