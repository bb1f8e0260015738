package de.gremium.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ToDoubleFunction;

/**
 * The durable floor and the commands on top of it, in interleaved rounds (raw 1, commands 1, raw 8, commands 8,
 * commands 32, then again), so that a disturbance of the shared machine hits one round, not one measurement:
 * <ul>
 * <li><b>raw append</b>: plain JDBC on the same PostgreSQL, one connection per client, autocommit off: an INSERT of a
 * copy of a stored problem report's event row (new aggregate and event ids) into {@code bench.bench_raw}, shaped like
 * {@code domain_event_entry}, then COMMIT;
 * <li><b>commands</b>: {@code POST /api/problem-reports} as anna.amt50 (HTTP Basic, JSON), every answer 201; after
 * each, the benchmark waits until every view caught up, so that the next measurement does not compete with a backlog.
 * </ul>
 * Then, unmeasured, 3 s of commands at 1 and 8 clients with the command side's request threads sampled: where a
 * command's time goes.
 */
final class CommandPhase implements Phase {

    private static final Duration SAMPLED = Duration.ofSeconds(3);
    private static final long SAMPLE_EVERY_MS = 5;

    private record Measurement(boolean raw, int clients) {
        String label() {
            return (raw ? "raw append (INSERT + COMMIT)" : "command via HTTP (201)") + ", " + Report.clientsLabel(clients);
        }
    }

    @Override
    public String title() {
        return "raw appends and commands";
    }

    @Override
    public void run(Bench bench) throws Exception {
        BenchOptions o = bench.options;
        List<Measurement> plan = new ArrayList<>();
        TreeSet<Integer> counts = new TreeSet<>(o.clients());
        counts.addAll(o.rawClients());
        for (int c : counts) {
            if (o.runs("raw") && o.rawClients().contains(c)) {
                plan.add(new Measurement(true, c));
            }
            if (o.runs("commands") && o.clients().contains(c)) {
                plan.add(new Measurement(false, c));
            }
        }
        Map<Measurement, List<Load.Result>> results = new LinkedHashMap<>();
        plan.forEach(m -> results.put(m, new ArrayList<>()));
        if (o.runs("raw")) {
            bench.record.freshRawTable();
        }
        for (int round = 1; round <= o.rounds(); round++) {
            for (Measurement m : plan) {
                Load.Result r = m.raw() ? raw(bench, m.clients()) : commands(bench, m.clients(), o.duration());
                results.get(m).add(r);
                Bench.log("  round " + round + ", " + m.label() + ": " + Format.rate(r.perSecond()) + ", p50 "
                        + Format.millis(r.latencies().percentileMillis(0.5)) + ", p99 " + Format.millis(r.latencies().percentileMillis(0.99)));
                if (!m.raw()) {
                    Duration caughtUp = bench.awaitQuiet();
                    Bench.log("    views caught up " + Format.seconds(caughtUp) + " after the phase");
                }
            }
        }
        Map<Integer, Map<String, Double>> where = new LinkedHashMap<>();
        if (o.runs("commands")) {
            for (int c : List.of(1, 8)) {
                if (o.clients().contains(c)) {
                    where.put(c, sampled(bench, c));
                    bench.awaitQuiet();
                }
            }
        }
        report(bench, results, where);
    }

    private static Load.Result raw(Bench bench, int clients) throws Exception {
        ConcurrentLinkedQueue<RecordDatabase.RawAppender> connections = new ConcurrentLinkedQueue<>();
        List<RecordDatabase.RawAppender> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            RecordDatabase.RawAppender appender = bench.record.rawAppender();
            connections.add(appender);
            all.add(appender);
        }
        ThreadLocal<RecordDatabase.RawAppender> mine = ThreadLocal.withInitial(connections::remove);
        try {
            return Load.run("raw-" + clients, clients, bench.options.duration(), Long.MAX_VALUE, bench.cpu,
                    n -> mine.get().append());
        } finally {
            for (RecordDatabase.RawAppender appender : all) {
                appender.close();
            }
        }
    }

    private static Load.Result commands(Bench bench, int clients, Duration duration) throws Exception {
        return Load.run("commands-" + clients, clients, duration, Long.MAX_VALUE, bench.cpu,
                n -> bench.api.submit("Benchmark report " + clients + "/" + n));
    }

    /** Commands for a few seconds, unmeasured, with the command side's request threads sampled. */
    private static Map<String, Double> sampled(Bench bench, int clients) throws Exception {
        // only the command side serves requests meanwhile: every request thread in a request is the command side's
        ThreadSampler sampler = new ThreadSampler("commands", ThreadSampler::isRequestThread,
                info -> ThreadSampler.inRequest(info) ? ThreadSampler.activity(info) : null, SAMPLE_EVERY_MS);
        try {
            commands(bench, clients, SAMPLED);
        } finally {
            sampler.close();
        }
        return sampler.averages();
    }

    private static void report(Bench bench, Map<Measurement, List<Load.Result>> results, Map<Integer, Map<String, Double>> where)
            throws Exception {
        Report report = bench.report;
        Report.Section section = report.current();
        results.forEach((m, rs) -> {
            if (m.raw()) {
                section.rawP50.put(m.clients(), Format.median(values(rs, r -> r.latencies().percentileMillis(0.5))));
            }
        });
        double rawOne = section.rawP50.getOrDefault(1, Double.NaN);
        RecordDatabase.EventRow row = results.keySet().stream().anyMatch(Measurement::raw) ? bench.record.template() : null;
        Table table = new Table(List.of("measurement", "ops/s", "p50", "p99", "p50 ÷ raw p50 (1 client)",
                "p50 ÷ raw p50 (same clients)", "Gremium's own CPU per op", "view store's CPU per op", "PostgreSQL's CPU per op",
                "harness CPU per op"));
        results.forEach((m, rs) -> {
            double p50 = Format.median(values(rs, r -> r.latencies().percentileMillis(0.5)));
            Integer rawClients = section.rawP50.keySet().stream().filter(c -> c <= m.clients()).max(Integer::compare).orElse(null);
            String same = m.raw() || rawClients == null ? "-" : Format.ratio(p50 / section.rawP50.get(rawClients))
                    + (rawClients == m.clients() ? "" : " (vs " + rawClients + ")");
            table.row(List.of(m.label(),
                    Format.spread(values(rs, Load.Result::perSecond), Format::rate),
                    Format.spread(values(rs, r -> r.latencies().percentileMillis(0.5)), Format::millis),
                    Format.spread(values(rs, r -> r.latencies().percentileMillis(0.99)), Format::millis),
                    m.raw() ? "-" : Format.ratio(p50 / rawOne), same,
                    Format.micros(Format.median(values(rs, Load.Result::gremiumMicros))),
                    Format.micros(Format.median(values(rs, r -> r.groupMicros(CpuMeter.VIEW_STORE)))),
                    Format.micros(Format.median(values(rs, Load.Result::postgresMicros))),
                    Format.micros(Format.median(values(rs, r -> r.groupMicros(CpuMeter.BENCH))))));
        });
        int rounds = results.values().stream().mapToInt(List::size).max().orElse(0);
        report.add("Raw appends and commands", "Closed loop, " + Format.duration(bench.options.duration()) + " per measurement, "
                + rounds + " interleaved rounds: median (min–max) of the rounds. "
                + (row == null ? "" : "Raw append: plain JDBC into `bench.bench_raw` (the columns, key and unique constraints of "
                + "`domain_event_entry`) on the same PostgreSQL, a copy of a stored problem report's event row (" + row.rowBytes()
                + " bytes) with new ids, one connection per client, INSERT then COMMIT. ")
                + "Commands: `POST /api/problem-reports` (one new aggregate, one event). CPU per operation: Gremium's own is the "
                + "JVM without the view store's threads, the harness's and the JIT compiler's (GC included); PostgreSQL's is its "
                + "process tree (/proc).", table);

        List<String> groups = List.of(CpuMeter.HTTP, CpuMeter.PROCESSING, CpuMeter.OTHER, CpuMeter.VM, CpuMeter.JIT);
        List<String> partsHeader = new ArrayList<>(List.of("commands"));
        partsHeader.addAll(groups);
        Table parts = new Table(partsHeader);
        results.forEach((m, rs) -> {
            if (!m.raw()) {
                List<String> cells = new ArrayList<>(List.of(Report.clientsLabel(m.clients())));
                for (String group : groups) {
                    cells.add(Format.micros(Format.median(values(rs, r -> r.groupMicros(group)))));
                }
                parts.row(cells);
            }
        });
        if (!parts.isEmpty()) {
            report.add("Gremium's own CPU per command, by part", "Microseconds per command (median of the rounds). The last column "
                    + "is not part of Gremium's own: the JIT compiler's time while it still compiles after the warm-up.", parts);
        }
        if (!where.isEmpty()) {
            List<String> header = new ArrayList<>(List.of("a request thread of the command side is …"));
            where.keySet().forEach(c -> header.add(Report.clientsLabel(c)));
            Table shares = new Table(header);
            List<String> categories = where.values().stream().flatMap(w -> w.keySet().stream()).distinct().toList();
            for (String category : categories) {
                List<String> cells = new ArrayList<>(List.of(category));
                where.values().forEach(w -> {
                    double all = w.values().stream().mapToDouble(Double::doubleValue).sum();
                    cells.add(all == 0 ? "-" : Format.percent(w.getOrDefault(category, 0.0) / all));
                });
                shares.row(cells);
            }
            report.add("Where a command's time goes", "Share of the samples of the command side's request threads while in a "
                    + "request (every " + SAMPLE_EVERY_MS + " ms for " + Format.duration(SAMPLED) + " of commands, after the "
                    + "measured rounds; the sampler pauses the threads, so no latency is measured meanwhile).", shares);
        }

        results.forEach((m, rs) -> {
            double p50 = Format.median(values(rs, r -> r.latencies().percentileMillis(0.5)));
            double p99 = Format.median(values(rs, r -> r.latencies().percentileMillis(0.99)));
            if (!m.raw() && m.clients() == 1 && !Double.isNaN(rawOne)) {
                double ratio = p50 / rawOne;
                report.check("command p50 at 1 client ≤ 3 × the raw append's p50", Format.millis(p50) + " = "
                        + Format.ratio(ratio) + " of " + Format.millis(rawOne), ratio <= Report.MAX_COMMAND_P50_OVER_RAW);
            }
            if (!m.raw() && m.clients() == 8) {
                report.check("command p99 at 8 clients ≤ 50 ms", Format.spread(values(rs, r -> r.latencies().percentileMillis(0.99)),
                        Format::millis), p99 <= Report.MAX_COMMAND_P99_8_CLIENTS_MS);
            }
        });
    }

    static List<Double> values(List<Load.Result> results, ToDoubleFunction<Load.Result> metric) {
        return results.stream().map(r -> metric.applyAsDouble(r)).toList();
    }
}
