package de.gremium.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts Gremium on the embedded default in this JVM and prints commands per second through the HTTP
 * API, the raw driver's insertOne rate on the same store, their ratio, the event -> view lag, the
 * replay rate of a projection, query latency under concurrent readers and the store's own cost, at
 * one or several store sizes. See bench/README.md.
 */
public final class Benchmark {

    static final int OK = 0;
    static final int FAILED = 2;
    static final int TARGET_MISSED = 3;
    static final int USAGE = 64;

    private Benchmark() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            return USAGE;
        }
        if (List.of(args).contains("--help")) {
            System.out.print(BenchOptions.USAGE);
            return OK;
        }
        Report report = new Report();
        report.context(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now().withNano(0)) + ", Java "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB max heap, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        report.context(options.describe());
        report.context(loadAverage("before the run"));
        report.context("everything in one JVM: system under test, HTTP clients and the raw driver share its CPUs");

        Bench.log("starting Gremium on the embedded default (H2 file store in a temporary folder)");
        long startedAt = System.nanoTime();
        GremiumUnderTest system;
        try {
            system = GremiumUnderTest.start(options.systemProperties());
        } catch (Exception e) {
            System.err.println("BENCHMARK FAILED: the system did not start: " + e);
            e.printStackTrace();
            return FAILED;
        }
        Thread onInterrupt = new Thread(system::close, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        report.context("store " + system.dataDir() + " on mongodb://127.0.0.1:" + system.mongoPort()
                + "; command side :" + system.commandPort() + ", query side :" + system.queryPort()
                + "; started by " + system.startedBy());
        Bench.log(String.format(java.util.Locale.ROOT, "started in %.1f s", (System.nanoTime() - startedAt) / 1e9));

        int status;
        try (MongoClient raw = rawClient(system.mongoPort())) {
            Bench bench = new Bench(options, system, new Api(system.commandPort(), system.queryPort()), raw, report);
            for (Phase phase : plan(options)) {
                Bench.log(phase.title());
                phase.run(bench);
            }
            int late = bench.recheckLostViews();
            if (late > 0) {
                report.note(late + " reports counted as lost during the run were on the board at the end: late, not lost");
            }
            report.completeness(bench.reportsCreated(), bench.lostViews());
            report.context(loadAverage("at the end, with the system still running"));
            report.context("stored events at the end: " + Format.count(bench.storedEvents()));
            report.context("the embedded server executes requests on " + threadsNamed("mongo-server-worker") + " netty worker "
                    + "threads (2 per CPU); each connection is bound to one, so a request waits while that worker runs another "
                    + "connection's scan");
            status = options.failOnMiss() && !report.allPass() ? TARGET_MISSED : OK;
        } catch (Exception e) {
            report.note("RUN ABORTED: " + e.getMessage());
            System.err.println("BENCHMARK FAILED: " + e.getMessage());
            e.printStackTrace();
            status = FAILED;
        } finally {
            Bench.log("stopping Gremium");
            system.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        System.out.print(report.text());
        if (options.out() != null) {
            try {
                if (options.out().toAbsolutePath().getParent() != null) {
                    Files.createDirectories(options.out().toAbsolutePath().getParent());
                }
                Files.writeString(options.out(), report.markdown());
                System.out.println("\nMarkdown written to " + options.out());
            } catch (IOException e) {
                System.err.println("could not write " + options.out() + ": " + e);
                status = FAILED;
            }
        }
        return status;
    }

    /**
     * The phases of a run, in order: the warm-up, the recommendation the query phase reads, then for each
     * store size (or once, on the store as the warm-up left it) the store filled up to that size and every
     * measurement on it.
     */
    static List<Phase> plan(BenchOptions options) {
        List<Phase> phases = new ArrayList<>();
        phases.add(new WarmUpPhase());
        if (options.runs("queries")) {
            phases.add(new TraceSetupPhase());
        }
        List<Long> sizes = options.sizes().isEmpty() ? java.util.Collections.singletonList(null) : options.sizes();
        for (Long size : sizes) {
            if (size != null) {
                phases.add(new PreloadPhase(size));
            }
            for (int clients : options.clients()) {
                if (options.runs("commands")) {
                    phases.add(new CommandThroughputPhase(clients));
                }
                if (options.runs("raw")) {
                    phases.add(new RawInsertPhase(clients, false));
                    phases.add(new RawInsertPhase(clients, true));
                }
            }
            if (options.runs("lag") && options.lagSamples() > 0) {
                phases.add(new ViewLagPhase());
            }
            if (options.runs("replay")) {
                phases.add(new ReplayPhase());
            }
            if (options.runs("queries")) {
                phases.add(new QueryLatencyPhase());
            }
            if (options.runs("store")) {
                phases.add(new StoreProbePhase());
            }
            phases.add(new EndOfSize());
        }
        return phases;
    }

    /** Notes the store's size after a size's measurements. */
    private static final class EndOfSize implements Phase {
        @Override
        public String title() {
            return "end of this store size";
        }

        @Override
        public void run(Bench bench) {
            bench.report.endSection(bench.storedEvents());
        }
    }

    private static long threadsNamed(String prefix) {
        var threads = ManagementFactory.getThreadMXBean();
        return java.util.Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(t -> t != null && t.getThreadName().startsWith(prefix)).count();
    }

    /** Other processes on the machine compete for the same CPUs; the load average tells. */
    private static String loadAverage(String when) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (load < 0) {
            return "load average " + when + ": not available";
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        return String.format(java.util.Locale.ROOT, "load average %s: %.2f on %d CPUs%s", when, load, cpus,
                when.startsWith("before") && load > 0.5 * cpus ? " (WARNING: the machine is busy; figures will be low and noisy)" : "");
    }

    private static MongoClient rawClient(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.readTimeout(60, TimeUnit.SECONDS))
                .build());
    }
}
