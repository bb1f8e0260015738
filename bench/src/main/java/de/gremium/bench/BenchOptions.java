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
        long events,
        Set<String> phases,
        int lagSamples,
        Duration lagInterval,
        Duration lagPoll,
        Duration lagTimeout,
        Duration catchUpTimeout,
        Path out,
        boolean failOnMiss,
        Map<String, String> systemProperties) {

    static final Set<String> ALL_PHASES = Set.of("commands", "raw", "lag");

    static final String USAGE = """
            Usage: java -jar bench/target/gremium-bench.jar [options] [--spring.or.gremium.property=value ...]
              --duration=10s        length of each throughput phase (ms, s, m; a bare number is seconds)
              --clients=1,8         concurrent clients of the throughput phases, one phase per count
              --warmup=1000         commands (and raw inserts and reads) before measuring; 0 skips the warm-up
              --events=0            problem reports stored through the API before measuring (a bigger store)
              --phases=commands,raw,lag   which measurements to run
              --lag-samples=300     commands whose event -> view lag is measured
              --lag-interval=20ms   one lag sample command every ...
              --lag-poll=2ms        pause between two reads of the query side while waiting for a view
              --lag-timeout=10s     a view not readable within this counts as lost (the run fails)
              --catch-up-timeout=30s   after a load phase, a board that has not grown for this long while reports
                            are missing: the missing ones are reported as lost views
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
        Set<String> phases = new LinkedHashSet<>(o.list("phases", "commands,raw,lag"));
        if (!ALL_PHASES.containsAll(phases)) {
            throw new IllegalArgumentException("--phases: known are " + ALL_PHASES + ", not " + phases);
        }
        List<Integer> clients = o.list("clients", "1,8").stream().map(Integer::parseInt).toList();
        if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1 || c > 256)) {
            throw new IllegalArgumentException("--clients: between 1 and 256 each, not " + clients);
        }
        BenchOptions options = new BenchOptions(
                o.duration("duration", "10s"),
                clients,
                o.integer("warmup", "1000"),
                Long.parseLong(o.get("events", "0")),
                phases,
                o.integer("lag-samples", "300"),
                o.duration("lag-interval", "20ms"),
                o.duration("lag-poll", "2ms"),
                o.duration("lag-timeout", "10s"),
                o.duration("catch-up-timeout", "30s"),
                o.get("out", null) == null ? null : Path.of(o.get("out", null)),
                Boolean.parseBoolean(o.get("fail-on-miss", "false")),
                system);
        o.rejectUnknown();
        if (options.duration.isZero() || options.duration.isNegative() || options.warmup < 0 || options.events < 0
                || options.lagSamples < 0) {
            throw new IllegalArgumentException("durations and counts must be positive");
        }
        return options;
    }

    boolean runs(String phase) {
        return phases.contains(phase);
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
                + (events > 0 ? ", " + events + " reports stored beforehand" : "")
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
