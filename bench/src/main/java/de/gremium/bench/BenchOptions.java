package de.gremium.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's options: {@code --name=value} arguments, else system properties {@code -Dbench.name=value},
 * else the defaults below. Arguments whose name contains a dot ({@code --gremium.record.fetch-delay=10ms},
 * {@code --logging.level.root=INFO}) are not the benchmark's: they go to the system under test.
 */
record BenchOptions(
        Duration duration,
        int rounds,
        List<Integer> clients,
        List<Integer> rawClients,
        int warmup,
        List<Long> sizes,
        String preload,
        Set<String> phases,
        int lagSamples,
        Duration lagInterval,
        Duration lagPoll,
        Duration lagTimeout,
        Duration catchUpLimit,
        int readers,
        Duration queryDuration,
        List<String> rebuildVariants,
        Duration rebuildTimeout,
        Path launcherJar,
        int launcherRuns,
        int launcherWarmup,
        List<String> launcherJvmOptions,
        List<String> launcherArgs,
        Path out,
        boolean failOnMiss,
        Map<String, String> systemProperties) {

    static final List<String> ALL_PHASES = List.of("launcher", "reads", "rebuild", "lag", "raw", "commands");
    static final Set<String> PRELOADS = Set.of("api", "gateway");
    static final String BATCHED = "batched";
    static final String UNBATCHED = "unbatched";

    static final String USAGE = """
            Usage: java -jar bench/target/gremium-bench.jar [options] [--spring.or.gremium.property=value ...]
              --sizes=10000,100000  store sizes (stored events): the store is filled up to each size, then every
                            measurement runs on it (--events=N is the same as --sizes=N)
              --preload=gateway     how the store is filled: gateway (SubmitProblemReport through the CommandGateway
                            in-process, processors paused, then caught up) or api (POST /api/problem-reports, 8 clients)
              --phases=launcher,reads,rebuild,lag,raw,commands   which measurements to run
              --duration=10s        length of each throughput phase (ms, s, m; a bare number is seconds)
              --rounds=3            rounds of the raw, command, lag and read phases per size (medians are reported)
              --clients=1,8,32      closed-loop clients of the command phases
              --raw-clients=1,8     clients of the raw JDBC append (the durable floor)
              --warmup=1000         commands (with raw appends and reads) before measuring; 0 skips the warm-up
              --lag-samples=300     commands whose event -> view lag is measured, per round
              --lag-interval=20ms   one lag sample every ...
              --lag-poll=2ms        pause between two reads of the query side while waiting for a view
              --lag-timeout=10s     a view not readable within this counts as lost
              --catch-up-limit=30m  longest wait for the event processors after filling the store or a phase
              --readers=32          concurrent readers of the read phase
              --query-duration=D    length of the read phase (default: --duration)
              --rebuild=batched,unbatched  full rebuilds to run: as configured, and without the batched view writes
              --rebuild-timeout=30m a rebuild not finished by then is reported as unfinished
              --launcher-jar=launcher/target/gremium-exec.jar   the launcher started in child processes
              --launcher-runs=3     fresh starts (each followed by a restart on its folder)
              --launcher-warmup=1000  commands sent to a started launcher before its memory is read
              --launcher-jvm-options=  JVM options of the child (space-separated; default: none, as documented)
              --launcher-args=      arguments of the child (space-separated; default: none, the README's run command)
              --out=PATH            also write the report as Markdown to PATH
              --fail-on-miss        exit with status 3 if a target is missed
            Every option can also be given as a system property, e.g. -Dbench.duration=30s.
            Options with a dot in the name go to the system under test, e.g. --gremium.record.fetch-delay=10ms.
            """;

    static BenchOptions parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, String> system = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String value = eq < 0 ? "true" : arg.substring(eq + 1);
            (name.contains(".") ? system : given).put(name, value);
        }
        Lookup o = new Lookup(given);
        Set<String> phases = new LinkedHashSet<>(o.list("phases", String.join(",", ALL_PHASES)));
        if (!ALL_PHASES.containsAll(phases)) {
            throw new IllegalArgumentException("--phases: known are " + ALL_PHASES + ", not " + phases);
        }
        List<Integer> clients = counts(o, "clients", "1,8,32");
        List<Integer> rawClients = counts(o, "raw-clients", "1,8");
        String events = o.get("events", null);
        String sizeList = o.get("sizes", null);
        if (events != null && sizeList != null) {
            throw new IllegalArgumentException("--events and --sizes: give one of them");
        }
        List<Long> sizes = o.list("sizes", events != null ? events : "").stream().map(Long::parseLong).toList();
        if (sizes.stream().anyMatch(n -> n < 0 || n > 10_000_000)) {
            throw new IllegalArgumentException("--sizes: between 0 and 10,000,000 events each, not " + sizes);
        }
        for (int i = 1; i < sizes.size(); i++) {
            if (sizes.get(i) <= sizes.get(i - 1)) {
                throw new IllegalArgumentException("--sizes: the record only grows; give increasing sizes, not " + sizes);
            }
        }
        String preload = o.get("preload", "gateway");
        if (!PRELOADS.contains(preload)) {
            throw new IllegalArgumentException("--preload: api or gateway, not " + preload);
        }
        List<String> variants = o.list("rebuild", BATCHED + "," + UNBATCHED);
        if (!List.of(BATCHED, UNBATCHED).containsAll(variants)) {
            throw new IllegalArgumentException("--rebuild: batched and/or unbatched, not " + variants);
        }
        String jvmOptions = o.get("launcher-jvm-options", "");
        String launcherArgs = o.get("launcher-args", "");
        BenchOptions options = new BenchOptions(
                o.duration("duration", "10s"),
                o.integer("rounds", "3"),
                clients,
                rawClients,
                o.integer("warmup", "1000"),
                sizes,
                preload,
                phases,
                o.integer("lag-samples", "300"),
                o.duration("lag-interval", "20ms"),
                o.duration("lag-poll", "2ms"),
                o.duration("lag-timeout", "10s"),
                o.duration("catch-up-limit", "30m"),
                o.integer("readers", "32"),
                o.get("query-duration", null) == null ? null : o.duration("query-duration", null),
                variants,
                o.duration("rebuild-timeout", "30m"),
                Path.of(o.get("launcher-jar", "launcher/target/gremium-exec.jar")),
                o.integer("launcher-runs", "3"),
                o.integer("launcher-warmup", "1000"),
                jvmOptions.isBlank() ? List.of() : List.of(jvmOptions.trim().split("\\s+")),
                launcherArgs.isBlank() ? List.of() : List.of(launcherArgs.trim().split("\\s+")),
                o.get("out", null) == null ? null : Path.of(o.get("out", null)),
                Boolean.parseBoolean(o.get("fail-on-miss", "false")),
                system);
        o.rejectUnknown();
        if (options.duration.isZero() || options.duration.isNegative() || options.warmup < 0 || options.lagSamples < 0
                || options.rounds < 1 || options.readers < 1 || options.readers > 256 || options.launcherRuns < 1
                || options.launcherWarmup < 0
                || (options.queryDuration != null && (options.queryDuration.isZero() || options.queryDuration.isNegative()))) {
            throw new IllegalArgumentException("durations and counts must be positive");
        }
        return options;
    }

    private static List<Integer> counts(Lookup o, String name, String fallback) {
        List<Integer> counts = o.list(name, fallback).stream().map(Integer::parseInt).toList();
        if (counts.isEmpty() || counts.stream().anyMatch(c -> c < 1 || c > 256)) {
            throw new IllegalArgumentException("--" + name + ": between 1 and 256 each, not " + counts);
        }
        return counts;
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** The read phase lasts --query-duration, else --duration. */
    Duration queryPhaseDuration() {
        return queryDuration != null ? queryDuration : duration;
    }

    /** 10s, 250ms, 2m or a bare number of seconds. */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }

    String describe() {
        return "phases " + phases + "; throughput phases of " + Format.duration(duration) + " x " + rounds + " rounds, "
                + "command clients " + clients + ", raw clients " + rawClients + ", warm-up " + warmup + " commands"
                + (sizes.isEmpty() ? "" : "; store sizes " + sizes.stream().map(Format::count).toList() + " events (filled via "
                        + (preload.equals("api") ? "the HTTP API" : "the CommandGateway") + ")")
                + (runs("reads") ? "; " + readers + " readers for " + Format.duration(queryPhaseDuration()) : "")
                + (runs("rebuild") ? "; rebuilds " + rebuildVariants : "")
                + (systemProperties.isEmpty() ? "" : "; system properties " + systemProperties);
    }

    private static final class Lookup {
        private final Map<String, String> given;
        private final Set<String> known = new LinkedHashSet<>(List.of("help"));

        Lookup(Map<String, String> given) {
            this.given = given;
        }

        String get(String name, String fallback) {
            known.add(name);
            String value = given.get(name);
            return value != null ? value : System.getProperty("bench." + name, fallback);
        }

        int integer(String name, String fallback) {
            return Integer.parseInt(get(name, fallback));
        }

        Duration duration(String name, String fallback) {
            return parseDuration(get(name, fallback));
        }

        List<String> list(String name, String fallback) {
            return new ArrayList<>(Arrays.stream(get(name, fallback).split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList());
        }

        void rejectUnknown() {
            List<String> unknown = given.keySet().stream().filter(k -> !known.contains(k)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s) " + unknown);
            }
        }
    }
}
