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
 * else the defaults below. Arguments whose name contains a dot ({@code --gremium.events.fetch-delay=10ms},
 * {@code --logging.level.root=INFO}) are not the benchmark's: they go to the system under test.
 */
record BenchOptions(
        Duration duration,
        List<Integer> clients,
        int warmup,
        List<Long> sizes,
        String preload,
        Set<String> phases,
        int lagSamples,
        Duration lagInterval,
        Duration lagPoll,
        Duration lagTimeout,
        Duration catchUpTimeout,
        Duration catchUpLimit,
        int readers,
        Duration queryDuration,
        Duration replayTimeout,
        Path out,
        boolean failOnMiss,
        Map<String, String> systemProperties) {

    static final Set<String> ALL_PHASES = Set.of("commands", "raw", "lag", "replay", "queries", "store");
    static final String DEFAULT_PHASES = "commands,raw,lag,replay,queries,store";
    static final Set<String> PRELOADS = Set.of("api", "gateway");

    static final String USAGE = """
            Usage: java -jar bench/target/gremium-bench.jar [options] [--spring.or.gremium.property=value ...]
              --duration=10s        length of each throughput phase (ms, s, m; a bare number is seconds)
              --clients=1,8,32      concurrent clients of the throughput phases, one phase per count
              --warmup=1000         commands (and raw inserts and reads) before measuring; 0 skips the warm-up
              --sizes=10000,100000  store sizes (stored events): fill the store up to each size with new problem
                            reports, then run every measurement again; a comparison table follows
              --events=N            the same as --sizes=N (one size)
              --preload=api         how the store is filled: api (POST /api/problem-reports, 8 clients) or gateway
                            (the command side's CommandGateway in-process: same command, aggregate and event,
                            no HTTP; much faster, see bench/README.md)
              --phases=commands,raw,lag,replay,queries,store   which measurements to run
              --lag-samples=300     commands whose event -> view lag is measured
              --lag-interval=20ms   one lag sample command every ...
              --lag-poll=2ms        pause between two reads of the query side while waiting for a view
              --lag-timeout=10s     a view not readable within this counts as lost (the run fails)
              --catch-up-timeout=30s   after a load phase, a board that has not grown for this long while reports
                            are missing: the missing ones are reported as lost views
              --catch-up-limit=2m   longest wait for the event processors to catch up; one still behind then is
                            reported and not waited for again (it goes on in the background)
              --readers=32          concurrent readers of the query latency phase
              --query-duration=D    length of the query latency phase (default: --duration)
              --replay-timeout=10m  a replay of the problem board not finished by then is reported as unfinished
              --out=PATH            also write the figures as Markdown to PATH
              --fail-on-miss        exit with status 3 if a target is missed
            Every option can also be given as a system property, e.g. -Dbench.duration=30s.
            Options with a dot in the name go to the system under test, e.g. --gremium.events.fetch-delay=10ms.
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
        Set<String> phases = new LinkedHashSet<>(o.list("phases", DEFAULT_PHASES));
        if (!ALL_PHASES.containsAll(phases)) {
            throw new IllegalArgumentException("--phases: known are " + ALL_PHASES + ", not " + phases);
        }
        List<Integer> clients = o.list("clients", "1,8,32").stream().map(Integer::parseInt).toList();
        if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1 || c > 256)) {
            throw new IllegalArgumentException("--clients: between 1 and 256 each, not " + clients);
        }
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
                throw new IllegalArgumentException("--sizes: an event store only grows; give increasing sizes, not " + sizes);
            }
        }
        String preload = o.get("preload", "api");
        if (!PRELOADS.contains(preload)) {
            throw new IllegalArgumentException("--preload: api or gateway, not " + preload);
        }
        BenchOptions options = new BenchOptions(
                o.duration("duration", "10s"),
                clients,
                o.integer("warmup", "1000"),
                sizes,
                preload,
                phases,
                o.integer("lag-samples", "300"),
                o.duration("lag-interval", "20ms"),
                o.duration("lag-poll", "2ms"),
                o.duration("lag-timeout", "10s"),
                o.duration("catch-up-timeout", "30s"),
                o.duration("catch-up-limit", "2m"),
                o.integer("readers", "32"),
                o.get("query-duration", null) == null ? null : o.duration("query-duration", null),
                o.duration("replay-timeout", "10m"),
                o.get("out", null) == null ? null : Path.of(o.get("out", null)),
                Boolean.parseBoolean(o.get("fail-on-miss", "false")),
                system);
        o.rejectUnknown();
        if (options.duration.isZero() || options.duration.isNegative() || options.warmup < 0 || options.lagSamples < 0
                || options.readers < 1 || options.readers > 256 || options.replayTimeout.isNegative()
                || (options.queryDuration != null && (options.queryDuration.isZero() || options.queryDuration.isNegative()))) {
            throw new IllegalArgumentException("durations and counts must be positive");
        }
        return options;
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** The query latency phase lasts --query-duration, else --duration. */
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
        return "phases of " + Format.duration(duration) + ", clients " + clients + ", warm-up " + warmup + " commands"
                + ", phases " + phases
                + (sizes.isEmpty() ? "" : ", store sizes " + sizes.stream().map(Format::count).toList() + " events (filled via "
                        + (preload.equals("api") ? "the HTTP API" : "the CommandGateway") + ")")
                + (runs("queries") ? ", " + readers + " readers for " + Format.duration(queryPhaseDuration()) : "")
                + (systemProperties.isEmpty() ? "" : ", system properties " + systemProperties);
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
