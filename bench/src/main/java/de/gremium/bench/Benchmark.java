package de.gremium.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.gremium.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Starts Gremium on the zero-setup default in this JVM (the record in an embedded, durable PostgreSQL, the views in
 * an embedded mongo-java-server) and measures what issue #11 asks: the raw JDBC append (the durable floor), commands
 * through HTTP against it, the event → view lag, a full rebuild of every view, read latency under concurrent readers,
 * and the launcher's start and memory in a child process; at one or several record sizes. See bench/README.md.
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
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB max heap of this JVM, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        report.context(options.describe());
        report.context("load average before the run: " + loadAverage() + " (1, 5, 15 min) on "
                + Runtime.getRuntime().availableProcessors() + " CPUs; the machine is shared with other builds");
        int status = OK;
        if (options.runs("launcher")) {
            status = timed(report, "launcher start and memory (child processes)", -1, () -> LauncherStartPhase.run(options, report));
        }
        boolean inProcess = options.phases().stream().anyMatch(p -> !p.equals("launcher"));
        if (inProcess) { // a failed launcher phase is reported; the other phases still run
            int s = inProcess(options, report);
            status = status == OK ? s : status;
        }
        report.context("load average at the end: " + loadAverage());
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
        if (status == OK && options.failOnMiss() && !report.allPass()) {
            status = TARGET_MISSED;
        }
        return status;
    }

    private static int inProcess(BenchOptions options, Report report) {
        Bench.log("starting Gremium on the embedded default (PostgreSQL and view store in a temporary folder)");
        long startedAt = System.nanoTime();
        GremiumUnderTest system;
        try {
            system = GremiumUnderTest.start(options.systemProperties());
        } catch (Exception e) {
            System.err.println("BENCHMARK FAILED: the system did not start: " + e);
            e.printStackTrace();
            report.note("RUN ABORTED: the system did not start: " + e);
            return FAILED;
        }
        Thread onInterrupt = new Thread(system::close, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        Bench.log(String.format(Locale.ROOT, "started in %.1f s", (System.nanoTime() - startedAt) / 1e9));
        int status = OK;
        try (RecordDatabase record = new RecordDatabase(system.jdbcUrl(), EmbeddedPostgresServer.USER,
                system.postgres().password());
                MongoClient views = viewClient(system.viewStoreUri())) {
            report.context("PostgreSQL " + record.setting("server_version") + " (embedded, zonky) on " + system.jdbcUrl()
                    + ": fsync " + record.setting("fsync") + ", synchronous_commit " + record.setting("synchronous_commit")
                    + ", shared_buffers " + record.setting("shared_buffers") + "; views: mongo-java-server (H2 file) on "
                    + system.viewStoreUri() + "; both in " + system.dataDir() + "; command side :" + system.commandPort()
                    + ", query side :" + system.queryPort() + ", in this JVM with the harness");
            Bench bench = new Bench(options, system, new Api(system.commandPort(), system.queryPort()), record, views, report);
            for (Phase phase : plan(options)) {
                Bench.log(phase.title());
                int s = timed(report, phase.title(), bench.storedEvents(), () -> phase.run(bench));
                if (s != OK) {
                    status = s;
                    break;
                }
            }
            int late = bench.recheckLostViews();
            if (late > 0) {
                report.note(late + " reports counted as lost during the run were on the board at the end: late, not lost");
            }
            report.check("every acknowledged report reaches the board", bench.lostViews() == 0 ? "all "
                    + Format.count(bench.reportsCreated()) : bench.lostViews() + " of " + Format.count(bench.reportsCreated())
                    + " missing", bench.lostViews() == 0);
            report.context("stored events at the end: " + Format.count(bench.storedEvents()) + " (record database "
                    + record.databaseSize() + ")");
        } catch (Exception e) {
            report.note("RUN ABORTED: " + e);
            System.err.println("BENCHMARK FAILED: " + e);
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
        return status;
    }

    /**
     * The phases, in order: the warm-up, the recommendation the read phase reads, then for each record size (or once,
     * on the record as the warm-up left it) the record filled up to that size and every measurement on it. Reads and
     * the rebuild come first, while the record is exactly of its size; the commands, which grow it, come last.
     */
    static List<Phase> plan(BenchOptions options) {
        List<Phase> phases = new ArrayList<>();
        phases.add(new WarmUpPhase());
        if (options.runs("reads")) {
            phases.add(new TraceSetupPhase());
        }
        List<Long> sizes = options.sizes().isEmpty() ? java.util.Collections.singletonList(null) : options.sizes();
        for (Long size : sizes) {
            if (size != null) {
                phases.add(new PreloadPhase(size));
            }
            if (options.runs("reads")) {
                phases.add(new ReadLatencyPhase());
            }
            if (options.runs("rebuild")) {
                List<String> variants = options.rebuildVariants();
                for (int i = 0; i < variants.size(); i++) {
                    phases.add(new RebuildPhase(variants.get(i).equals(BenchOptions.BATCHED), i == 0));
                }
            }
            if (options.runs("lag") && options.lagSamples() > 0) {
                phases.add(new ViewLagPhase());
            }
            if (options.runs("raw") || options.runs("commands")) {
                phases.add(new CommandPhase());
            }
        }
        return phases;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Runs a step and logs it with the machine's load before and after; a failure aborts the run. */
    private static int timed(Report report, String title, long eventsBefore, Step step) {
        String clock = LocalTime.now().withNano(0).toString();
        String before = loadAverage();
        long t0 = System.nanoTime();
        try {
            step.run();
            return OK;
        } catch (Exception | AssertionError e) {
            report.note("RUN ABORTED in '" + title + "': " + e);
            System.err.println("BENCHMARK FAILED in '" + title + "': " + e);
            e.printStackTrace();
            return FAILED;
        } finally {
            report.step(new Report.Step(clock, title, (System.nanoTime() - t0) / 1e9, before.split(" ")[0],
                    loadAverage().split(" ")[0], Math.max(0, eventsBefore)));
        }
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static MongoClient viewClient(String uri) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.readTimeout(120, TimeUnit.SECONDS))
                .build());
    }
}
