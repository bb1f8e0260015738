package de.gremium.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the phases measured, the targets, and both renderings (console text and Markdown). The figures
 * are kept per store size ({@link Section}): a run with --sizes has one section per size and a table
 * comparing them; a run without has one section.
 */
final class Report {

    static final String COMMANDS = "commands via HTTP API (201)";
    static final String RAW = "raw insertOne";
    static final String RAW_FLUSH = "raw insertOne + flush()";

    /** The issue's targets. */
    static final double MIN_COMMAND_SHARE_OF_RAW = 0.50;
    static final double MAX_LAG_P99_MS = 300;
    static final double MIN_REPLAY_EVENTS_PER_SECOND = 5_000;
    static final double MAX_QUERY_P99_MS = 20;
    /**
     * "Gremium's own cost per event flat as the store grows": this benchmark's reading of "flat" is at
     * most this factor between the smallest and the largest store. Runs on a shared 2-core machine vary
     * by about ±30 %, so a tighter bound would judge the noise.
     */
    static final double MAX_OWN_COST_GROWTH = 1.5;

    /** How often the threads waiting for the store are sampled during a phase. */
    static final long STORE_WAIT_SAMPLING_MS = 50;

    /** CPU thread groups (see {@link CpuAccounting#GROUPS}) that are the store's own work. */
    static final Set<String> STORE_GROUPS = Set.of(CpuAccounting.MONGO, CpuAccounting.H2);
    /** CPU thread groups that are Gremium's own work: HTTP, security, Axon, aggregates, projections. */
    static final Set<String> GREMIUM_GROUPS = Set.of(CpuAccounting.HTTP, CpuAccounting.PROCESSING, CpuAccounting.OTHER);

    record Lag(int samples, Duration interval, Duration poll, double achievedPerSecond, Latencies latencies, int lost,
            long reads, double coresBusy) {
    }

    /** How the store was filled up to a section's size. */
    /** The audit log's catch-up after a bulk load: what it chained in the time it was given, and what it skipped. */
    record AuditCatchUp(long chained, Duration took, long skipped) {
        double perSecond() {
            return chained / Math.max(1e-9, took.toNanos() / 1e9);
        }

        Duration projected() {
            return chained == 0 ? Duration.ZERO : Duration.ofMillis((long) (skipped / perSecond() * 1000));
        }
    }

    record Preload(String how, long reportsAdded, Duration took, Duration viewsCaughtUp, int processorsPaused,
            AuditCatchUp audit) {
        double perSecond() {
            return reportsAdded / Math.max(1e-9, took.toNanos() / 1e9);
        }
    }

    /** A replay of one projection from the start of the store. */
    record Replay(String processor, long events, long reports, Duration reset, Duration replay, Duration boardComplete,
            CpuAccounting.Usage cpu, int batchSize, Map<String, Long> threadSamples, boolean finished, long storedEvents) {
        double eventsPerSecond() {
            return events / Math.max(1e-9, replay.toNanos() / 1e9);
        }
    }

    /**
     * Query latency under concurrent readers, per endpoint: as served (kept answers where the views did not
     * change), and computed from the views for every request (Cache-Control: no-cache).
     */
    record Queries(int readers, Duration elapsed, Map<String, Latencies> byEndpoint, Map<String, Latencies> alone,
            CpuAccounting.Usage cpu, Duration recomputedElapsed, Map<String, Latencies> recomputed) {
        long requests() {
            return byEndpoint.values().stream().mapToLong(Latencies::count).sum();
        }

        long recomputedRequests() {
            return recomputed.values().stream().mapToLong(Latencies::count).sum();
        }
    }

    /** The raw driver's cost on the same store, at this size: what grows with the store. */
    record Probe(long events, Load.Result sizedInsert, Latencies scan, Latencies replayBatch, Latencies tailFetch,
            Map<String, Latencies> endpoints, CpuAccounting.Usage idle, Duration idleWindow, int batchSize,
            Load.Result sizedUpsert, Latencies findById, long boardSize, Latencies byUniqueIndex,
            Latencies byUniqueIndexPlain, Latencies byEventId) {
    }

    record Check(String target, String actual, boolean pass) {
    }

    /** Everything measured on one store size. */
    static final class Section {
        final Long targetEvents;
        long eventsAtStart = -1;
        long eventsAtEnd = -1;
        Preload preload;
        final Map<String, Map<Integer, Load.Result>> throughput = new LinkedHashMap<>();
        final Map<Integer, Long> eventsBeforeCommands = new LinkedHashMap<>();
        final Map<Integer, Duration> catchUp = new LinkedHashMap<>();
        /** Per phase ("command x8", "readers x32", "idle"): average threads waiting for the store, by calling code. */
        final Map<String, Map<String, Double>> storeWaits = new LinkedHashMap<>();
        Lag lag;
        Replay replay;
        Queries queries;
        Probe probe;

        Section(Long targetEvents) {
            this.targetEvents = targetEvents;
        }

        String label() {
            return Format.count(eventsAtStart) + " events";
        }

        Load.Result result(String measure, int clients) {
            return throughput.getOrDefault(measure, Map.of()).get(clients);
        }

        Double share(int clients, String raw) {
            Load.Result command = result(COMMANDS, clients);
            Load.Result base = result(raw, clients);
            return command == null || base == null || base.perSecond() == 0 ? null : command.perSecond() / base.perSecond();
        }

        List<Integer> clientCounts() {
            TreeSet<Integer> counts = new TreeSet<>();
            throughput.values().forEach(m -> counts.addAll(m.keySet()));
            return new ArrayList<>(counts);
        }

        /** CPU ms per command of the given groups, over all command phases of this size (null if none). */
        Double commandCpu(Set<String> groups) {
            long ops = 0;
            long nanos = 0;
            for (Load.Result r : throughput.getOrDefault(COMMANDS, Map.of()).values()) {
                if (r.cpu().processCpu() == 0) {
                    continue;
                }
                ops += r.ops();
                nanos += sum(r.cpu(), groups);
            }
            return ops == 0 ? null : nanos / 1e6 / ops;
        }

        /** CPU µs per replayed event of the given groups (null without a replay). */
        Double replayCpu(Set<String> groups) {
            return replay == null || replay.events() == 0 || replay.cpu().processCpu() == 0 ? null
                    : sum(replay.cpu(), groups) / 1e3 / replay.events();
        }
    }

    private final List<String> context = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long acknowledged = -1;
    private int lostViews;

    void context(String line) {
        context.add(line);
    }

    void note(String line) {
        notes.add(line);
    }

    /** Starts the figures of a new store size; what is recorded from now on belongs to it. */
    Section beginSection(Long targetEvents, long storedEvents) {
        Section section = new Section(targetEvents);
        section.eventsAtStart = storedEvents;
        sections.add(section);
        return section;
    }

    /** The section being measured (one without a size if none was begun). */
    Section current() {
        if (sections.isEmpty()) {
            sections.add(new Section(null));
        }
        return sections.get(sections.size() - 1);
    }

    void throughput(String measure, Load.Result result) {
        current().throughput.computeIfAbsent(measure, m -> new LinkedHashMap<>()).put(result.clients(), result);
    }

    void commandPhaseContext(int clients, long storedEventsBefore, Duration viewsCaughtUpAfter) {
        Section s = current();
        if (s.eventsAtStart < 0) {
            s.eventsAtStart = storedEventsBefore;
        }
        s.eventsBeforeCommands.put(clients, storedEventsBefore);
        s.catchUp.put(clients, viewsCaughtUpAfter);
    }

    /** Every report that got a 201 must appear on the board. */
    void completeness(long acknowledged, int lostViews) {
        this.acknowledged = acknowledged;
        this.lostViews = lostViews;
    }

    void lag(Lag lag) {
        current().lag = lag;
    }

    void replay(Replay replay) {
        current().replay = replay;
    }

    void queries(Queries queries) {
        current().queries = queries;
    }

    void probe(Probe probe) {
        current().probe = probe;
    }

    /** Closes the current section with the store's size after its measurements. */
    void endSection(long storedEvents) {
        current().eventsAtEnd = storedEvents;
    }

    List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        boolean several = sections.size() > 1;
        for (Section s : sections) {
            String at = several ? ", " + s.label() : "";
            for (int clients : s.clientCounts()) {
                Double share = s.share(clients, RAW);
                if (share != null) {
                    checks.add(new Check("command rate >= 50 % of raw insertOne, " + clientsLabel(clients) + at,
                            Format.percent(share), share >= MIN_COMMAND_SHARE_OF_RAW));
                }
            }
            if (s.lag != null && s.lag.latencies().count() > 0) {
                double p99 = s.lag.latencies().percentileMillis(0.99);
                checks.add(new Check("event -> view lag p99 <= 300 ms" + at, Format.millis(p99)
                        + (s.lag.lost() > 0 ? ", " + s.lag.lost() + " lost" : ""), p99 <= MAX_LAG_P99_MS && s.lag.lost() == 0));
            }
            if (s.replay != null) {
                checks.add(new Check("replay >= 5,000 events/s (" + s.replay.processor() + ")" + at,
                        Format.rate(s.replay.eventsPerSecond()) + (s.replay.finished() ? "" : " (unfinished)"),
                        s.replay.finished() && s.replay.eventsPerSecond() >= MIN_REPLAY_EVENTS_PER_SECOND));
            }
            if (s.queries != null) {
                s.queries.byEndpoint().forEach((endpoint, l) -> {
                    double p99 = l.percentileMillis(0.99);
                    checks.add(new Check("query p99 <= 20 ms, " + endpoint + ", " + s.queries.readers() + " readers" + at,
                            Format.millis(p99), p99 <= MAX_QUERY_P99_MS));
                });
            }
        }
        if (several) {
            Section first = sections.get(0);
            Section last = sections.get(sections.size() - 1);
            String range = " (" + first.label() + " -> " + last.label() + ")";
            growthCheck(checks, "Gremium's own CPU per command flat as the store grows" + range,
                    first.commandCpu(GREMIUM_GROUPS), last.commandCpu(GREMIUM_GROUPS), "ms");
            growthCheck(checks, "Gremium's own CPU per replayed event flat as the store grows" + range,
                    first.replayCpu(GREMIUM_GROUPS), last.replayCpu(GREMIUM_GROUPS), "µs");
        }
        if (acknowledged >= 0) {
            checks.add(new Check("every acknowledged report reaches the view",
                    lostViews == 0 ? "all " + Format.count(acknowledged) : lostViews + " of " + Format.count(acknowledged) + " lost",
                    lostViews == 0));
        }
        return checks;
    }

    private static void growthCheck(List<Check> checks, String target, Double first, Double last, String unit) {
        if (first == null || last == null || first <= 0) {
            return;
        }
        double growth = last / first;
        checks.add(new Check(target, String.format(Locale.ROOT, "%.3f -> %.3f %s (x%.2f, bound x%.1f)", first, last, unit,
                growth, MAX_OWN_COST_GROWTH), growth <= MAX_OWN_COST_GROWTH));
    }

    boolean allPass() {
        return checks().stream().allMatch(Check::pass);
    }

    // ---------------------------------------------------------------- rendering

    /** A heading (level 1 = section, 2 = table), an optional paragraph and an optional table. */
    private record Block(int level, String heading, String paragraph, Table table) {
    }

    String text() {
        StringBuilder out = new StringBuilder("\n=== Gremium benchmark: embedded default ===\n");
        context.forEach(line -> out.append("  ").append(line).append('\n'));
        for (Block b : blocks()) {
            if (b.heading() != null) {
                out.append('\n').append(b.level() == 1 ? "=== " + b.heading() + " ===" : b.heading()).append('\n');
            }
            if (b.paragraph() != null) {
                out.append("  ").append(b.paragraph().replace("≥", ">=").replace("≤", "<=").replace("→", "->")).append('\n');
            }
            if (b.table() != null) {
                out.append(b.table().text());
            }
        }
        notes.forEach(n -> out.append("  note: ").append(n).append('\n'));
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder("# Gremium benchmark: embedded default\n\n");
        context.forEach(line -> out.append("- ").append(line).append('\n'));
        for (Block b : blocks()) {
            if (b.heading() != null) {
                out.append('\n').append("#".repeat(b.level() + 1)).append(' ').append(b.heading()).append("\n\n");
            }
            if (b.paragraph() != null) {
                out.append(b.paragraph()).append("\n\n");
            }
            if (b.table() != null) {
                out.append(b.table().markdown());
            }
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    private List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        boolean sized = sections.size() > 1 || (!sections.isEmpty() && sections.get(0).targetEvents != null);
        for (Section s : sections) {
            int level = sized ? 2 : 1;
            if (sized) {
                blocks.add(new Block(1, "Store: " + s.label() + sectionRange(s), preloadLine(s), null));
            }
            Table throughputTable = throughputTable(s);
            if (!throughputTable.isEmpty()) {
                blocks.add(new Block(level, "Throughput", "Operations per second, closed loop; latency per operation.",
                        throughputTable));
            }
            Table cpu = cpuTable(s);
            if (!cpu.isEmpty()) {
                blocks.add(new Block(level, "Where the CPU went", "Milliseconds of CPU per operation by thread group, whole "
                        + "JVM (system under test, clients and raw driver).", cpu));
            }
            Table waits = storeWaitTable(s);
            if (!waits.isEmpty()) {
                blocks.add(new Block(level, "Who waits for the store", "Average number of threads waiting for an answer of "
                        + "the store (a socket read in the MongoDB driver), by the Gremium or Axon code that asked; sampled every "
                        + STORE_WAIT_SAMPLING_MS + " ms. The store works on one request per waiting thread, so this is "
                        + "where its time goes. The readers are sampled in 3 s of their own after the measured window: "
                        + "each sample pauses the sampled threads, which would lengthen the latencies measured.", waits));
            }
            if (s.lag != null) {
                blocks.add(new Block(level, "Event → view lag", lagTitle(s.lag), lagTable(s.lag)));
            }
            if (s.replay != null) {
                blocks.add(new Block(level, "Projection replay", replayTitle(s.replay), replayTable(s)));
            }
            if (s.queries != null) {
                blocks.add(new Block(level, "Query latency", queriesTitle(s.queries), queriesTable(s)));
            }
            if (s.probe != null) {
                blocks.add(new Block(level, "The store's own cost (raw driver, same server)", probeTitle(s.probe),
                        probeTable(s.probe)));
            }
        }
        if (sections.size() > 1) {
            blocks.add(new Block(1, "Store size comparison", "One column per store size (events stored when its "
                    + "measurements began). Gremium's own CPU = HTTP request threads, Axon event processing and other Java "
                    + "threads; the store's = mongo-java-server and H2 MVStore threads.", comparisonTable()));
        }
        Table checks = checksTable();
        if (!checks.isEmpty()) {
            blocks.add(new Block(1, "Targets", null, checks));
        }
        return blocks;
    }

    private static String sectionRange(Section s) {
        return s.eventsAtEnd > s.eventsAtStart ? " (" + Format.count(s.eventsAtEnd) + " after its measurements)" : "";
    }

    private static String preloadLine(Section s) {
        String target = s.targetEvents == null ? "" : "target " + Format.count(s.targetEvents) + " stored events. ";
        if (s.preload == null) {
            return target + "Nothing added: the store already held " + Format.count(s.eventsAtStart) + " events.";
        }
        Preload p = s.preload;
        if (p.processorsPaused() > 0) {
            String audit = "";
            if (p.audit() != null) {
                AuditCatchUp a = p.audit();
                audit = a.skipped() == 0 ? " The audit log then caught up too (" + Format.count(a.chained()) + " events in "
                        + Format.seconds(a.took()) + ")."
                        : " The audit log then chained " + Format.count(a.chained()) + " events in " + Format.seconds(a.took())
                        + " (" + Format.rate(a.perSecond()) + "): the remaining "
                        + Format.count(a.skipped()) + " would have taken about " + Format.seconds(a.projected()) + ", so its "
                        + "token was moved to the head of the store and its chain goes on from there; every later event is "
                        + "chained live.";
            }
            return target + "Filled up by " + Format.count(p.reportsAdded()) + " problem reports via the CommandGateway with "
                    + "the " + p.processorsPaused() + " event processors stopped (bulk load): appended in "
                    + Format.seconds(p.took()) + " (" + Format.rate(p.perSecond()) + "); then the processors (views, "
                    + "policies) started again and caught up with them in " + Format.seconds(p.viewsCaughtUp()) + "." + audit;
        }
        return target + "Filled up by " + Format.count(p.reportsAdded()) + " problem reports via the HTTP API (8 clients) in "
                + Format.seconds(p.took()) + " (" + Format.rate(p.perSecond()) + "); every event processor (views, audit log, "
                + "policies) caught up " + Format.seconds(p.viewsCaughtUp()) + " later.";
    }

    private static Table throughputTable(Section s) {
        List<Integer> counts = s.clientCounts();
        List<String> header = new ArrayList<>(List.of("measurement"));
        counts.forEach(c -> header.add(clientsLabel(c)));
        Table table = new Table(header);
        for (String measure : List.of(COMMANDS, RAW, RAW_FLUSH)) {
            if (!s.throughput.containsKey(measure)) {
                continue;
            }
            table.row(cells(measure, counts, c -> s.result(measure, c) == null ? "-" : Format.rate(s.result(measure, c).perSecond())));
            table.row(cells("  latency p50 / p99", counts, c -> {
                Load.Result r = s.result(measure, c);
                return r == null ? "-" : Format.millis(r.latencies().percentileMillis(0.5)) + " / "
                        + Format.millis(r.latencies().percentileMillis(0.99));
            }));
            table.row(cells("  operations", counts, c -> s.result(measure, c) == null ? "-" : Format.count(s.result(measure, c).ops())));
            table.row(cells("  JVM CPU per operation / cores busy", counts, c -> {
                Load.Result r = s.result(measure, c);
                return r == null || r.cpu().processCpu() == 0 ? "-"
                        : Format.millis(r.cpuMillisPerOp()) + " / " + Format.cores(r.coresBusy());
            }));
        }
        if (s.throughput.containsKey(COMMANDS) && s.throughput.containsKey(RAW)) {
            table.row(cells("command / raw insertOne", counts, c -> s.share(c, RAW) == null ? "-" : Format.percent(s.share(c, RAW))));
        }
        if (s.throughput.containsKey(COMMANDS) && s.throughput.containsKey(RAW_FLUSH)) {
            table.row(cells("command / (raw insertOne + flush)", counts,
                    c -> s.share(c, RAW_FLUSH) == null ? "-" : Format.percent(s.share(c, RAW_FLUSH))));
        }
        if (!s.eventsBeforeCommands.isEmpty()) {
            table.row(cells("events stored before the command phase", counts,
                    c -> s.eventsBeforeCommands.containsKey(c) ? Format.count(s.eventsBeforeCommands.get(c)) : "-"));
            table.row(cells("all event processors caught up after the command phase in", counts,
                    c -> s.catchUp.containsKey(c) ? Format.millis(s.catchUp.get(c).toNanos() / 1e6) : "-"));
        }
        return table;
    }

    /** CPU per operation by thread group, one column per measured phase. */
    private static Table cpuTable(Section s) {
        List<String> header = new ArrayList<>(List.of("thread group (ms CPU per operation)"));
        List<Load.Result> columns = new ArrayList<>();
        for (String measure : List.of(COMMANDS, RAW, RAW_FLUSH)) {
            for (int clients : s.clientCounts()) {
                Load.Result r = s.result(measure, clients);
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
        for (String group : columns.get(0).cpu().byGroup().keySet()) {
            List<String> row = new ArrayList<>(List.of(group));
            columns.forEach(r -> row.add(String.format(Locale.ROOT, "%.3f",
                    r.cpu().byGroup().getOrDefault(group, 0L) / 1e6 / Math.max(1, r.ops()))));
            table.row(row);
        }
        List<String> total = new ArrayList<>(List.of("total"));
        columns.forEach(r -> total.add(String.format(Locale.ROOT, "%.3f", r.cpuMillisPerOp())));
        table.row(total);
        return table;
    }

    private static Table storeWaitTable(Section s) {
        List<String> phases = new ArrayList<>(s.storeWaits.keySet());
        List<String> header = new ArrayList<>(List.of("calling code (thread: class.method)"));
        header.addAll(phases);
        Table table = new Table(header);
        Map<String, Double> peak = new LinkedHashMap<>();
        s.storeWaits.values().forEach(m -> m.forEach((caller, n) -> peak.merge(caller, n, Math::max)));
        peak.entrySet().stream().filter(e -> e.getValue() >= 0.01).sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(12).forEach(e -> {
                    List<String> row = new ArrayList<>(List.of(e.getKey()));
                    phases.forEach(p -> row.add(String.format(Locale.ROOT, "%.2f", s.storeWaits.get(p).getOrDefault(e.getKey(), 0.0))));
                    table.row(row);
                });
        if (!table.isEmpty()) {
            List<String> total = new ArrayList<>(List.of("all"));
            phases.forEach(p -> total.add(String.format(Locale.ROOT, "%.2f",
                    s.storeWaits.get(p).values().stream().mapToDouble(Double::doubleValue).sum())));
            table.row(total);
        }
        return table;
    }

    private static final Map<String, String> SHORT = Map.of(COMMANDS, "command", RAW, "insert", RAW_FLUSH, "insert+flush");

    private static String lagTitle(Lag lag) {
        return String.format(Locale.ROOT,
                "From the 201 of POST /api/problem-reports until GET {query}/api/problem-reports/{id} "
                        + "answers 200 (%d samples, one command every %s, achieved %.1f/s; polling every %s: %,d reads, %s cores busy).",
                lag.samples(), Format.duration(lag.interval()), lag.achievedPerSecond(), Format.duration(lag.poll()),
                lag.reads(), Format.cores(lag.coresBusy()));
    }

    private static Table lagTable(Lag lag) {
        Latencies l = lag.latencies();
        return new Table(List.of("p50", "p95", "p99", "max", "visible", "lost"))
                .row(List.of(Format.millis(l.percentileMillis(0.5)), Format.millis(l.percentileMillis(0.95)),
                        Format.millis(l.percentileMillis(0.99)), Format.millis(l.maxMillis()),
                        Integer.toString(l.count()), Integer.toString(lag.lost())));
    }

    private static String replayTitle(Replay r) {
        return "The " + r.processor() + " processor shut down, its token reset (the view emptied by its reset handler) "
                + "and started again; timed from the start until its token caught up with the head of the store and the "
                + "board held every report again. It reads every stored event, " + r.batchSize() + " per query of the "
                + "event store.";
    }

    private static Table replayTable(Section s) {
        Replay r = s.replay;
        Table table = new Table(List.of("measurement", "value"));
        if (!r.finished()) {
            table.row(List.of("NOT FINISHED within --replay-timeout; figures are for the part replayed (events read "
                    + "estimated from the reports rebuilt)", "of " + Format.count(r.storedEvents()) + " events"));
        }
        table.row(List.of(r.finished() ? "events read (the whole store)" : "events read (estimated)", Format.count(r.events())));
        table.row(List.of("reports rebuilt on the board", Format.count(r.reports())));
        table.row(List.of("shutdown + reset (incl. emptying the view)", Format.millis(r.reset().toNanos() / 1e6)));
        table.row(List.of("replay: start -> caught up with the head", Format.seconds(r.replay())));
        table.row(List.of("  board complete after", Format.seconds(r.boardComplete())));
        table.row(List.of("replay rate", Format.rate(r.eventsPerSecond()) + " events"));
        if (r.cpu().processCpu() > 0) {
            table.row(List.of("JVM CPU per event / cores busy", Format.micros(r.cpu().processCpu() / 1e3 / r.events()) + " / "
                    + Format.cores(r.cpu().processCpu() / (double) r.replay().toNanos())));
            table.row(List.of("  the store's (mongo-java-server, H2)", Format.micros(s.replayCpu(STORE_GROUPS))));
            table.row(List.of("  Gremium's (Axon processor, projection, other Java threads)", Format.micros(s.replayCpu(GREMIUM_GROUPS))));
            table.row(List.of("  JIT, GC and other VM threads", Format.micros(s.replayCpu(Set.of(CpuAccounting.VM)))));
        }
        long samples = r.threadSamples().values().stream().mapToLong(Long::longValue).sum();
        if (samples > 0) {
            table.row(List.of("the replaying thread's wall time (" + Format.count(samples) + " stack samples, every 10 ms):", ""));
            r.threadSamples().forEach((category, n) -> table.row(List.of("  " + category,
                    String.format(Locale.ROOT, "%.0f %%", 100.0 * n / samples))));
        }
        if (s.probe != null && s.probe.replayBatch().count() > 0) {
            double batches = Math.ceil(r.events() / (double) r.batchSize());
            double predicted = batches * s.probe.replayBatch().percentileMillis(0.5);
            table.row(List.of("store's own time for the same reads (" + Format.count((long) batches)
                    + " x raw batch query p50, see below)", Format.seconds(Duration.ofMillis((long) predicted))
                    + String.format(Locale.ROOT, " (%.0f %% of the replay)", 100 * predicted / (r.replay().toNanos() / 1e6))));
        }
        return table;
    }

    private static String queriesTitle(Queries q) {
        double seconds = q.elapsed().toNanos() / 1e9;
        double recomputedSeconds = q.recomputedElapsed().toNanos() / 1e9;
        return String.format(Locale.ROOT, "%d concurrent closed-loop readers (user leser) for %s, each cycling through the "
                + "endpoints: %,d requests, %s in all, %s cores busy. Every answer must be 200. By Little's law the "
                + "mean latency is readers / throughput: with %d readers a p50 of 20 ms needs %,d requests/s. Nothing is "
                + "written meanwhile, so after the first read of each the query side serves the answers it kept "
                + "(ViewCache). Then the same readers again with Cache-Control: no-cache, every answer computed from the "
                + "views (what a read costs whose views changed since): %,d requests, %s. The readers alone read with "
                + "no-cache too.", q.readers(),
                Format.seconds(q.elapsed()), q.requests(), Format.rate(q.requests() / seconds),
                Format.cores(q.cpu().processCpu() / (double) q.elapsed().toNanos()), q.readers(), q.readers() * 50,
                q.recomputedRequests(), Format.rate(q.recomputedRequests() / recomputedSeconds));
    }

    private static Table queriesTable(Section s) {
        Table table = new Table(List.of("endpoint", "1 reader alone: p50", "readers: requests", "p50", "p95", "p99", "max",
                "no-cache: p50", "no-cache: p99", "raw driver, same queries: p50"));
        s.queries.byEndpoint().forEach((endpoint, l) -> {
            Latencies raw = s.probe == null ? null : s.probe.endpoints().get(endpoint);
            Latencies alone = s.queries.alone().get(endpoint);
            Latencies recomputed = s.queries.recomputed().get(endpoint);
            table.row(List.of(endpoint, p50(alone), Format.count(l.count()), Format.millis(l.percentileMillis(0.5)),
                    Format.millis(l.percentileMillis(0.95)), Format.millis(l.percentileMillis(0.99)), Format.millis(l.maxMillis()),
                    Format.millis(recomputed.percentileMillis(0.5)), Format.millis(recomputed.percentileMillis(0.99)), p50(raw)));
        });
        return table;
    }

    private static String probeTitle(Probe p) {
        return "One client, on the store as it was after this size's other measurements (" + Format.count(p.events())
                + " events). The embedded server answers a query on an index's first key from Gremium's in-memory "
                + "lookups (ADR 0002); a query on a field no index covers scans its collection.";
    }

    private static Table probeTable(Probe p) {
        Table table = new Table(List.of("raw driver operation", "p50", "p99", "operations"));
        if (p.sizedInsert() != null) {
            Load.Result r = p.sizedInsert();
            table.row(List.of("insertOne into a copy of domainevents (same documents and indexes), " + Format.rate(r.perSecond()),
                    Format.millis(r.latencies().percentileMillis(0.5)), Format.millis(r.latencies().percentileMillis(0.99)),
                    Format.count(r.ops())));
        }
        if (p.sizedUpsert() != null) {
            Load.Result r = p.sizedUpsert();
            table.row(List.of("upsert by _id into a copy of the board (" + Format.count(p.boardSize()) + " views), as a "
                    + "projection writes, " + Format.rate(r.perSecond()), Format.millis(r.latencies().percentileMillis(0.5)),
                    Format.millis(r.latencies().percentileMillis(0.99)), Format.count(r.ops())));
        }
        probeRow(table, "find by _id in the board (absent)", p.findById());
        probeRow(table, "find an event by (aggregateIdentifier, sequenceNumber) as Filters.and(eq, eq), i.e. {$and: [..]} "
                + "(how the audit log's StoredEvents asks)", p.byUniqueIndex());
        probeRow(table, "the same as one document {aggregateIdentifier, sequenceNumber} (Axon's unique index can answer)",
                p.byUniqueIndexPlain());
        probeRow(table, "find an event by eventIdentifier (the audit log's fallback)", p.byEventId());
        probeRow(table, "find by a non-indexed field in domainevents (full scan, no match)", p.scan());
        probeRow(table, "Axon's tracking query from the middle of the store (timestamp >=, sorted, first "
                + p.batchSize() + ")", p.replayBatch());
        probeRow(table, "Axon's tracking query at the head (what every poll of the event store costs)", p.tailFetch());
        p.endpoints().forEach((endpoint, l) -> probeRow(table, "the queries behind " + endpoint, l));
        if (p.idle() != null && p.idle().processCpu() > 0) {
            double seconds = p.idleWindow().toNanos() / 1e9;
            table.row(List.of("idle system (" + Format.seconds(p.idleWindow()) + "): cores busy, all / the store's / Gremium's",
                    String.format(Locale.ROOT, "%.2f / %.2f / %.2f", p.idle().processCpu() / 1e9 / seconds,
                            sum(p.idle(), STORE_GROUPS) / 1e9 / seconds, sum(p.idle(), GREMIUM_GROUPS) / 1e9 / seconds),
                    "", ""));
        }
        return table;
    }

    private static void probeRow(Table table, String label, Latencies l) {
        if (l != null && l.count() > 0) {
            table.row(List.of(label, Format.millis(l.percentileMillis(0.5)), Format.millis(l.percentileMillis(0.99)),
                    Format.count(l.count())));
        }
    }

    private Table comparisonTable() {
        List<String> header = new ArrayList<>(List.of("measurement"));
        sections.forEach(s -> header.add(s.label()));
        Table table = new Table(header);
        row(table, "events stored after the measurements", s -> s.eventsAtEnd < 0 ? "-" : Format.count(s.eventsAtEnd));
        row(table, "store filled up by", s -> s.preload == null ? "-" : Format.count(s.preload.reportsAdded()) + " via "
                + s.preload.how() + " at " + Format.rate(s.preload.perSecond()));
        row(table, "  then the event processors caught up in", s -> s.preload == null ? "-" : Format.seconds(s.preload.viewsCaughtUp()));
        row(table, "  audit log catching up", s -> s.preload == null || s.preload.audit() == null
                ? "-" : Format.rate(s.preload.audit().perSecond()) + (s.preload.audit().skipped() == 0 ? ", caught up"
                : ", " + Format.count(s.preload.audit().skipped()) + " skipped (~" + Format.seconds(s.preload.audit().projected()) + ")"));
        TreeSet<Integer> clients = new TreeSet<>();
        sections.forEach(s -> clients.addAll(s.clientCounts()));
        for (int c : clients) {
            row(table, "commands/s, " + clientsLabel(c), s -> s.result(COMMANDS, c) == null ? "-"
                    : Format.rate(s.result(COMMANDS, c).perSecond()) + " (p99 "
                    + Format.millis(s.result(COMMANDS, c).latencies().percentileMillis(0.99)) + ")");
            row(table, "  raw insertOne/s (fresh collection) / command share", s -> s.result(RAW, c) == null ? "-"
                    : Format.rate(s.result(RAW, c).perSecond()) + " / " + (s.share(c, RAW) == null ? "-" : Format.percent(s.share(c, RAW))));
        }
        row(table, "CPU per command, all command phases: total", s -> millis(s.commandCpu(null)));
        row(table, "  Gremium's own (HTTP, Axon, projections, other Java)", s -> millis(s.commandCpu(GREMIUM_GROUPS)));
        row(table, "  the store's (mongo-java-server, H2)", s -> millis(s.commandCpu(STORE_GROUPS)));
        row(table, "  JIT, GC and other VM threads", s -> millis(s.commandCpu(Set.of(CpuAccounting.VM))));
        row(table, "raw insertOne into a store-sized copy, 1 client", s -> s.probe == null || s.probe.sizedInsert() == null ? "-"
                : Format.rate(s.probe.sizedInsert().perSecond()) + " (p50 "
                + Format.millis(s.probe.sizedInsert().latencies().percentileMillis(0.5)) + ")");
        row(table, "raw upsert by _id into a board-sized copy (a view write)", s -> s.probe == null || s.probe.sizedUpsert() == null
                ? "-" : Format.rate(s.probe.sizedUpsert().perSecond()) + " (p50 "
                + Format.millis(s.probe.sizedUpsert().latencies().percentileMillis(0.5)) + ")");
        row(table, "raw find by a non-indexed field (full scan), p50", s -> s.probe == null ? "-" : p50(s.probe.scan()));
        row(table, "raw tracking query at the head (every poll), p50", s -> s.probe == null ? "-" : p50(s.probe.tailFetch()));
        row(table, "raw tracking query from the middle (replay batch), p50", s -> s.probe == null ? "-" : p50(s.probe.replayBatch()));
        row(table, "idle system, cores busy", s -> s.probe == null || s.probe.idle() == null ? "-"
                : String.format(Locale.ROOT, "%.2f", s.probe.idle().processCpu() / (double) s.probe.idleWindow().toNanos()));
        row(table, "event -> view lag p50 / p99", s -> s.lag == null ? "-" : Format.millis(s.lag.latencies().percentileMillis(0.5))
                + " / " + Format.millis(s.lag.latencies().percentileMillis(0.99)));
        row(table, "replay, events/s", s -> s.replay == null ? "-" : Format.rate(s.replay.eventsPerSecond()) + " ("
                + (s.replay.finished() ? "" : "unfinished after ") + Format.seconds(s.replay.replay()) + ")");
        row(table, "  CPU µs per replayed event: Gremium's / the store's", s -> s.replay == null ? "-"
                : Format.micros(s.replayCpu(GREMIUM_GROUPS)) + " / " + Format.micros(s.replayCpu(STORE_GROUPS)));
        row(table, "  replaying thread waiting for the store: events / view writes", s -> s.replay == null ? "-"
                : share(s.replay, ReplayPhase.WAIT_EVENTS) + " / " + share(s.replay, ReplayPhase.WAIT_VIEW));
        Set<String> endpoints = new java.util.LinkedHashSet<>();
        sections.forEach(s -> {
            if (s.queries != null) {
                endpoints.addAll(s.queries.byEndpoint().keySet());
            }
        });
        for (String endpoint : endpoints) {
            row(table, "query p50 / p99, " + endpoint,
                    s -> p50p99(s.queries == null ? null : s.queries.byEndpoint().get(endpoint)));
            row(table, "  no-cache (computed from the views), p50 / p99",
                    s -> p50p99(s.queries == null ? null : s.queries.recomputed().get(endpoint)));
            row(table, "  1 reader alone, p50", s -> s.queries == null ? "-" : p50(s.queries.alone().get(endpoint)));
            row(table, "  raw driver, same queries, p50", s -> s.probe == null ? "-" : p50(s.probe.endpoints().get(endpoint)));
        }
        return table;
    }

    private static String p50p99(Latencies l) {
        return l == null ? "-" : Format.millis(l.percentileMillis(0.5)) + " / " + Format.millis(l.percentileMillis(0.99));
    }

    private void row(Table table, String label, Function<Section, String> cell) {
        List<String> cells = new ArrayList<>(List.of(label));
        sections.forEach(s -> cells.add(cell.apply(s)));
        table.row(cells);
    }

    private static String share(Replay r, String category) {
        long all = r.threadSamples().values().stream().mapToLong(Long::longValue).sum();
        return all == 0 ? "-" : String.format(Locale.ROOT, "%.0f %%", 100.0 * r.threadSamples().getOrDefault(category, 0L) / all);
    }

    private static String p50(Latencies l) {
        return l == null || l.count() == 0 ? "-" : Format.millis(l.percentileMillis(0.5));
    }

    private static String millis(Double ms) {
        return ms == null ? "-" : String.format(Locale.ROOT, "%.3f ms", ms);
    }

    private Table checksTable() {
        Table table = new Table(List.of("target", "measured", "verdict"));
        for (Check check : checks()) {
            table.row(List.of(check.target(), check.actual(), check.pass() ? "PASS" : "MISS"));
        }
        return table;
    }

    /** Nanoseconds of CPU of the given groups; all of the process's if groups is null. */
    static long sum(CpuAccounting.Usage usage, Set<String> groups) {
        if (groups == null) {
            return usage.processCpu();
        }
        return usage.byGroup().entrySet().stream().filter(e -> groups.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
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
