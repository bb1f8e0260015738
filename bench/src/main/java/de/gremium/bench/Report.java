package de.gremium.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** What the phases measured, the targets, and both renderings (console text and Markdown). */
final class Report {

    static final String COMMANDS = "commands via HTTP API (201)";
    static final String RAW = "raw insertOne";
    static final String RAW_FLUSH = "raw insertOne + flush()";

    /** The targets. */
    static final double MIN_COMMAND_SHARE_OF_RAW = 0.50;
    static final double MAX_LAG_P99_MS = 300;

    record Lag(int samples, Duration interval, Duration poll, double achievedPerSecond, Latencies latencies, int lost,
            long reads, double coresBusy) {
    }

    record Check(String target, String actual, boolean pass) {
    }

    private final List<String> context = new ArrayList<>();
    private final Map<String, Map<Integer, Load.Result>> throughput = new LinkedHashMap<>();
    private final Map<Integer, Long> eventsBeforeCommands = new LinkedHashMap<>();
    private final Map<Integer, Duration> catchUp = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private Lag lag;
    private long acknowledged = -1;
    private int lostViews;

    void context(String line) {
        context.add(line);
    }

    void note(String line) {
        notes.add(line);
    }

    void throughput(String measure, Load.Result result) {
        throughput.computeIfAbsent(measure, m -> new LinkedHashMap<>()).put(result.clients(), result);
    }

    void commandPhaseContext(int clients, long storedEventsBefore, Duration viewsCaughtUpAfter) {
        eventsBeforeCommands.put(clients, storedEventsBefore);
        catchUp.put(clients, viewsCaughtUpAfter);
    }

    /** Every report that got a 201 must appear on the board. */
    void completeness(long acknowledged, int lostViews) {
        this.acknowledged = acknowledged;
        this.lostViews = lostViews;
    }

    void lag(Lag lag) {
        this.lag = lag;
    }

    List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        for (int clients : clientCounts()) {
            Double share = share(clients, RAW);
            if (share != null) {
                checks.add(new Check("command rate >= 50 % of raw insertOne, " + clientsLabel(clients),
                        Format.percent(share), share >= MIN_COMMAND_SHARE_OF_RAW));
            }
        }
        if (lag != null && lag.latencies().count() > 0) {
            double p99 = lag.latencies().percentileMillis(0.99);
            checks.add(new Check("event -> view lag p99 <= 300 ms", Format.millis(p99)
                    + (lag.lost() > 0 ? ", " + lag.lost() + " lost" : ""), p99 <= MAX_LAG_P99_MS && lag.lost() == 0));
        }
        if (acknowledged >= 0) {
            checks.add(new Check("every acknowledged report reaches the view",
                    lostViews == 0 ? "all " + Format.count(acknowledged) : lostViews + " of " + Format.count(acknowledged) + " lost",
                    lostViews == 0));
        }
        return checks;
    }

    boolean allPass() {
        return checks().stream().allMatch(Check::pass);
    }

    String text() {
        StringBuilder out = new StringBuilder("\n=== Gremium benchmark: embedded default ===\n");
        context.forEach(line -> out.append("  ").append(line).append('\n'));
        Table throughputTable = throughputTable();
        if (!throughputTable.isEmpty()) {
            out.append("\nThroughput (operations per second, closed loop; latency per operation)\n")
                    .append(throughputTable.text());
        }
        Table cpu = cpuTable();
        if (!cpu.isEmpty()) {
            out.append("\nWhere the CPU went (whole JVM: system under test, clients and raw driver)\n").append(cpu.text());
        }
        Table lagTable = lagTable();
        if (lagTable != null) {
            out.append("\n").append(lagTitle()).append('\n').append(lagTable.text());
        }
        Table checks = checksTable(true);
        if (!checks.isEmpty()) {
            out.append("\nTargets\n").append(checks.text());
        }
        notes.forEach(n -> out.append("  note: ").append(n).append('\n'));
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder("# Gremium benchmark: embedded default\n\n");
        context.forEach(line -> out.append("- ").append(line).append('\n'));
        Table throughputTable = throughputTable();
        if (!throughputTable.isEmpty()) {
            out.append("\n## Throughput\n\nOperations per second, closed loop; latency per operation.\n\n")
                    .append(throughputTable.markdown());
        }
        Table cpu = cpuTable();
        if (!cpu.isEmpty()) {
            out.append("\n## Where the CPU went\n\nMilliseconds of CPU per operation by thread group, whole JVM "
                    + "(system under test, clients and raw driver).\n\n").append(cpu.markdown());
        }
        Table lagTable = lagTable();
        if (lagTable != null) {
            out.append("\n## Event → view lag\n\n").append(lagTitle()).append("\n\n").append(lagTable.markdown());
        }
        Table checks = checksTable(false);
        if (!checks.isEmpty()) {
            out.append("\n## Targets\n\n").append(checks.markdown());
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    private Table throughputTable() {
        List<Integer> counts = clientCounts();
        List<String> header = new ArrayList<>(List.of("measurement"));
        counts.forEach(c -> header.add(clientsLabel(c)));
        Table table = new Table(header);
        for (String measure : List.of(COMMANDS, RAW, RAW_FLUSH)) {
            if (!throughput.containsKey(measure)) {
                continue;
            }
            table.row(cells(measure, counts, c -> result(measure, c) == null ? "-" : Format.rate(result(measure, c).perSecond())));
            table.row(cells("  latency p50 / p99", counts, c -> {
                Load.Result r = result(measure, c);
                return r == null ? "-" : Format.millis(r.latencies().percentileMillis(0.5)) + " / "
                        + Format.millis(r.latencies().percentileMillis(0.99));
            }));
            table.row(cells("  operations", counts, c -> result(measure, c) == null ? "-" : Format.count(result(measure, c).ops())));
            table.row(cells("  JVM CPU per operation / cores busy", counts, c -> {
                Load.Result r = result(measure, c);
                return r == null || r.cpu().processCpu() == 0 ? "-"
                        : Format.millis(r.cpuMillisPerOp()) + " / " + Format.cores(r.coresBusy());
            }));
        }
        if (throughput.containsKey(COMMANDS) && throughput.containsKey(RAW)) {
            table.row(cells("command / raw insertOne", counts, c -> share(c, RAW) == null ? "-" : Format.percent(share(c, RAW))));
        }
        if (throughput.containsKey(COMMANDS) && throughput.containsKey(RAW_FLUSH)) {
            table.row(cells("command / (raw insertOne + flush)", counts,
                    c -> share(c, RAW_FLUSH) == null ? "-" : Format.percent(share(c, RAW_FLUSH))));
        }
        if (!eventsBeforeCommands.isEmpty()) {
            table.row(cells("events stored before the command phase", counts,
                    c -> eventsBeforeCommands.containsKey(c) ? Format.count(eventsBeforeCommands.get(c)) : "-"));
            table.row(cells("views caught up after the command phase in", counts,
                    c -> catchUp.containsKey(c) ? Format.millis(catchUp.get(c).toNanos() / 1e6) : "-"));
        }
        return table;
    }

    /** CPU per operation by thread group, one column per measured phase. */
    private Table cpuTable() {
        List<String> header = new ArrayList<>(List.of("thread group (ms CPU per operation)"));
        List<Load.Result> columns = new ArrayList<>();
        for (String measure : List.of(COMMANDS, RAW, RAW_FLUSH)) {
            for (int clients : clientCounts()) {
                Load.Result r = result(measure, clients);
                if (r != null && r.cpu().processCpu() > 0) {
                    header.add(SHORT.get(measure) + " x" + clients);
                    columns.add(r);
                }
            }
        }
        Table table = new Table(header);
        if (columns.isEmpty()) {
            return table;
        }
        List<String> groups = new ArrayList<>(columns.get(0).cpu().byGroup().keySet());
        for (String group : groups) {
            List<String> row = new ArrayList<>(List.of(group));
            columns.forEach(r -> row.add(String.format(java.util.Locale.ROOT, "%.3f",
                    r.cpu().byGroup().getOrDefault(group, 0L) / 1e6 / Math.max(1, r.ops()))));
            table.row(row);
        }
        List<String> total = new ArrayList<>(List.of("total"));
        columns.forEach(r -> total.add(String.format(java.util.Locale.ROOT, "%.3f", r.cpuMillisPerOp())));
        table.row(total);
        return table;
    }

    private static final Map<String, String> SHORT = Map.of(COMMANDS, "command", RAW, "insert", RAW_FLUSH, "insert+flush");

    private String lagTitle() {
        return String.format(java.util.Locale.ROOT,
                "Event -> view lag: from the 201 of POST /api/problem-reports until GET {query}/api/problem-reports/{id} "
                        + "answers 200 (%d samples, one command every %s, achieved %.1f/s; polling every %s: %,d reads, %s cores busy)",
                lag.samples(), Format.duration(lag.interval()), lag.achievedPerSecond(), Format.duration(lag.poll()),
                lag.reads(), Format.cores(lag.coresBusy()));
    }

    private Table lagTable() {
        if (lag == null) {
            return null;
        }
        Latencies l = lag.latencies();
        return new Table(List.of("p50", "p95", "p99", "max", "visible", "lost"))
                .row(List.of(Format.millis(l.percentileMillis(0.5)), Format.millis(l.percentileMillis(0.95)),
                        Format.millis(l.percentileMillis(0.99)), Format.millis(l.maxMillis()),
                        Integer.toString(l.count()), Integer.toString(lag.lost())));
    }

    private Table checksTable(boolean plain) {
        Table table = new Table(List.of("target", "measured", "verdict"));
        for (Check check : checks()) {
            table.row(List.of(plain ? check.target() : check.target().replace(">=", "≥").replace("<=", "≤").replace("->", "→"),
                    check.actual(), check.pass() ? "PASS" : "MISS"));
        }
        return table;
    }

    private Double share(int clients, String raw) {
        Load.Result command = result(COMMANDS, clients);
        Load.Result base = result(raw, clients);
        return command == null || base == null || base.perSecond() == 0 ? null : command.perSecond() / base.perSecond();
    }

    private Load.Result result(String measure, int clients) {
        return throughput.getOrDefault(measure, Map.of()).get(clients);
    }

    private List<Integer> clientCounts() {
        TreeSet<Integer> counts = new TreeSet<>();
        throughput.values().forEach(m -> counts.addAll(m.keySet()));
        return new ArrayList<>(counts);
    }

    private static List<String> cells(String label, List<Integer> counts, Function<Integer, String> cell) {
        List<String> cells = new ArrayList<>(List.of(label));
        counts.forEach(c -> cells.add(cell.apply(c)));
        return cells;
    }

    static String clientsLabel(int clients) {
        return clients + (clients == 1 ? " client" : " clients");
    }
}
