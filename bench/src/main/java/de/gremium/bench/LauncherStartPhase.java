package de.gremium.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher as an operator starts it, in a child process: {@code java -jar launcher/target/gremium-exec.jar} on a
 * new data folder (initdb of the embedded PostgreSQL, an empty view store) and then again on the same folder (a
 * restart). Measured: the time from starting the process until both sides answer {@code /actuator/health} with 200,
 * and, after a warm-up of commands and reads, the launcher JVM's resident memory (VmRSS) and PostgreSQL's (its process
 * tree: PSS, shared memory counted once). Runs before the system of the other phases starts, on a quiet machine.
 */
final class LauncherStartPhase {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    /** Spring Boot's line at the end of each side's start; the launcher starts the command side first. */
    private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([0-9.]+) seconds");

    record Run(String kind, int round, double startSeconds, double commandSideSeconds, double querySideSeconds, long rssReadyKb,
            long rssKb, long hwmKb, OsProcesses.Memory postgres) {
    }

    private LauncherStartPhase() {
    }

    static void run(BenchOptions o, Report report) throws Exception {
        report.begin("Launcher: start and memory", null);
        Path jar = o.launcherJar().toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            report.add(null, "Not measured: " + jar + " does not exist (build it with `./mvnw -B -DskipTests package`).", null);
            report.check("launcher start ≤ 8 s", "not measured (no launcher jar)", Report.Verdict.MISS);
            return;
        }
        Path work = Files.createTempDirectory("gremium-launcher-");
        List<Run> runs = new ArrayList<>();
        try {
            for (int round = 1; round <= o.launcherRuns(); round++) {
                Path dataDir = work.resolve("data-" + round);
                runs.add(attempt(o, jar, dataDir, work, "fresh data folder", round, report));
                runs.add(attempt(o, jar, dataDir, work, "restart", round, report));
                GremiumUnderTest.deleteRecursively(dataDir);
            }
        } finally {
            GremiumUnderTest.deleteRecursively(work);
        }
        Table table = new Table(List.of("start", "runs", "until both sides answer health 200", "command side's Spring start",
                "query side's Spring start", "launcher JVM RSS when ready", "launcher JVM RSS after the warm-up",
                "its peak RSS (VmHWM)", "PostgreSQL PSS (RSS) after the warm-up"));
        for (String kind : List.of("fresh data folder", "restart")) {
            List<Run> of = runs.stream().filter(r -> r.kind().equals(kind)).toList();
            table.row(List.of(kind, Integer.toString(of.size()),
                    Format.spread(of.stream().map(Run::startSeconds).toList(), LauncherStartPhase::seconds),
                    Format.spread(of.stream().map(Run::commandSideSeconds).toList(), LauncherStartPhase::seconds),
                    Format.spread(of.stream().map(Run::querySideSeconds).toList(), LauncherStartPhase::seconds),
                    Format.spread(of.stream().map(r -> (double) r.rssReadyKb()).toList(), Format::megabytes),
                    Format.spread(of.stream().map(r -> (double) r.rssKb()).toList(), Format::megabytes),
                    Format.spread(of.stream().map(r -> (double) r.hwmKb()).toList(), Format::megabytes),
                    Format.spread(of.stream().map(r -> (double) r.postgres().pssKb()).toList(), Format::megabytes) + " ("
                            + Format.megabytes(Format.median(of.stream().map(r -> (double) r.postgres().rssKb()).toList())) + ", "
                            + of.get(0).postgres().processes() + " processes)"));
        }
        report.add(null, "`java " + String.join(" ", o.launcherJvmOptions()) + (o.launcherJvmOptions().isEmpty() ? "" : " ")
                + "-jar " + o.launcherJar() + " " + String.join(" ", o.launcherArgs()) + "` in a child process (JVM options: "
                + (o.launcherJvmOptions().isEmpty() ? "none, the JVM's defaults on this machine's " + totalMemoryMb() + " MB"
                        : String.join(" ", o.launcherJvmOptions())) + "), " + o.launcherRuns() + " rounds of a start on a new data "
                + "folder and a restart on it; median (min–max). Start: from starting the process until both sides answer "
                + "`/actuator/health` 200, polled every 20 ms (the Spring start times are the sides' own log lines). Warm-up: "
                + Format.count(o.launcherWarmup()) + " commands through HTTP (8 clients) and 300 reads, until the board shows "
                + "them; then the JVM's VmRSS and PostgreSQL's process tree are read from /proc.", table);
        for (String kind : List.of("fresh data folder", "restart")) {
            List<Double> starts = runs.stream().filter(r -> r.kind().equals(kind)).map(Run::startSeconds).toList();
            report.check("launcher start ≤ 8 s, " + kind, Format.spread(starts, LauncherStartPhase::seconds),
                    Format.median(starts) <= Report.MAX_LAUNCHER_START_S);
        }
        List<Double> rss = runs.stream().map(r -> (double) r.rssKb()).toList();
        report.check("launcher resident memory ≤ 450 MB after the warm-up (JVM; PostgreSQL apart)",
                Format.spread(rss, Format::megabytes), Format.median(rss) / 1024 <= Report.MAX_LAUNCHER_RSS_MB);
    }

    /**
     * One start; once more if the child was killed by a signal from outside before it was ready (exit 143 or 137: seen
     * on the shared machine, where other work stops processes), on a new folder for a fresh start.
     */
    private static Run attempt(BenchOptions o, Path jar, Path dataDir, Path work, String kind, int round, Report report)
            throws Exception {
        try {
            return startAndMeasure(o, jar, dataDir, work.resolve(kind.charAt(0) + "-" + round + ".log"), kind, round);
        } catch (KilledFromOutside e) {
            report.note("launcher " + kind + ", round " + round + ": " + e.getMessage() + "; started once more");
            Bench.log("    " + e.getMessage() + "; once more");
            if (kind.startsWith("fresh")) {
                GremiumUnderTest.deleteRecursively(dataDir);
            }
            return startAndMeasure(o, jar, dataDir, work.resolve(kind.charAt(0) + "-" + round + "-again.log"), kind, round);
        }
    }

    private static final class KilledFromOutside extends Exception {
        KilledFromOutside(String message) {
            super(message);
        }
    }

    private static Run startAndMeasure(BenchOptions o, Path jar, Path dataDir, Path log, String kind, int round) throws Exception {
        int commandPort = GremiumUnderTest.freePort();
        int queryPort = GremiumUnderTest.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(o.launcherJvmOptions());
        command.addAll(List.of("-jar", jar.toString(), "--gremium.data-dir=" + dataDir,
                "--gremium.postgres-port=" + GremiumUnderTest.freePort(), "--gremium.embedded-port=" + GremiumUnderTest.freePort()));
        command.addAll(o.launcherArgs());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("COMMAND_SIDE_PORT", Integer.toString(commandPort));
        builder.environment().put("QUERY_SIDE_PORT", Integer.toString(queryPort));
        builder.environment().put("QUERY_SIDE_URL", "http://127.0.0.1:" + queryPort);
        Api api = new Api(commandPort, queryPort);
        Bench.log("  launcher, " + kind + " (round " + round + ")");
        long t0 = System.nanoTime();
        Process process = builder.start();
        try {
            long deadline = t0 + START_LIMIT.toNanos();
            boolean commandUp = false;
            boolean queryUp = false;
            while (!(commandUp && queryUp)) {
                if (!process.isAlive()) {
                    if (process.exitValue() == 143 || process.exitValue() == 137) {
                        throw new KilledFromOutside("the launcher was killed (exit " + process.exitValue() + ") "
                                + Format.seconds(Duration.ofNanos(System.nanoTime() - t0)) + " after its start, before it was ready");
                    }
                    throw new BenchFailure("the launcher exited with " + process.exitValue() + " before it was ready:\n" + tail(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new BenchFailure("the launcher did not answer health 200 within " + Format.seconds(START_LIMIT) + ":\n" + tail(log));
                }
                commandUp = commandUp || api.healthy(commandPort);
                queryUp = queryUp || api.healthy(queryPort);
                if (!(commandUp && queryUp)) {
                    LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                }
            }
            double start = (System.nanoTime() - t0) / 1e9;
            long rssReady = OsProcesses.statusKb(process.pid(), "VmRSS:");
            String text = Files.readString(log, StandardCharsets.UTF_8);
            double commandSide = started(text, 0);
            double querySide = started(text, 1);

            Load.run("launcher-warmup", 8, Duration.ofMinutes(5), o.launcherWarmup(), n -> api.submit("Launcher warm-up " + n));
            Load.run("launcher-reads", 4, Duration.ofMinutes(2), 300, n -> api.readOk(n % 2 == 0 ? "/api/problem-reports"
                    : "/api/problem-reports?size=50"));
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (api.boardTotal() < api.created() && System.nanoTime() < until) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            long rss = OsProcesses.statusKb(process.pid(), "VmRSS:");
            long hwm = OsProcesses.statusKb(process.pid(), "VmHWM:");
            OsProcesses.Memory postgres = OsProcesses.postmaster(dataDir.resolve("postgres")).map(OsProcesses::treeMemory)
                    .orElse(new OsProcesses.Memory(0, 0, 0));
            Bench.log(String.format(java.util.Locale.ROOT, "    healthy after %.2f s (command side %.1f s, query side %.1f s); "
                    + "RSS %s when ready, %s after the warm-up; PostgreSQL PSS %s", start, commandSide, querySide,
                    Format.megabytes(rssReady), Format.megabytes(rss), Format.megabytes(postgres.pssKb())));
            return new Run(kind, round, start, commandSide, querySide, rssReady, rss, hwm, postgres);
        } finally {
            stop(process, dataDir);
        }
    }

    /** SIGTERM, as an operator stops it: the launcher stops both sides, then the stores. */
    private static void stop(Process process, Path dataDir) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        Optional<ProcessHandle> orphan = OsProcesses.postmaster(dataDir.resolve("postgres"));
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (orphan.isPresent() && System.nanoTime() < until) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            orphan = OsProcesses.postmaster(dataDir.resolve("postgres"));
        }
        orphan.ifPresent(p -> {
            Bench.log("    PostgreSQL (pid " + p.pid() + ") outlived the launcher; stopping it");
            p.destroy();
            p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
    }

    /** The n-th side's start time as Spring Boot logged it (0: the command side, 1: the query side). */
    private static double started(String log, int n) {
        Matcher m = STARTED.matcher(log);
        for (int i = 0; m.find(); i++) {
            if (i == n) {
                return Double.parseDouble(m.group(1));
            }
        }
        return Double.NaN;
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "-" : String.format(java.util.Locale.ROOT, "%.2f s", s);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static long totalMemoryMb() {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os.getTotalMemorySize() >> 20;
    }
}
