package de.gremium.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the phases measured: context lines, one section per store size (and one for the launcher), each a list of
 * headed paragraphs and tables, the targets with their verdicts, a log of the phases with the machine's load, and
 * notes. Rendered as console text and as Markdown.
 */
final class Report {

    /** The product owner's targets (issue #11, point 10). */
    static final double MAX_COMMAND_P50_OVER_RAW = 3.0;
    static final double MAX_COMMAND_P99_8_CLIENTS_MS = 50;
    static final double MAX_LAG_P99_MS = 100;
    static final double MIN_REBUILD_EVENTS_PER_SECOND = 5_000;
    static final long REBUILD_TARGET_SIZE = 100_000;
    static final double MAX_READ_P99_MS = 20;
    static final long READ_TARGET_SIZE = 10_000;
    static final double MAX_LAUNCHER_START_S = 8;
    static final double MAX_LAUNCHER_RSS_MB = 450;

    enum Verdict { PASS, MISS, INFO }

    record Check(String where, String target, String measured, Verdict verdict) {
    }

    record Step(String clock, String title, double seconds, String loadBefore, String loadAfter, long eventsBefore) {
    }

    private record Block(String heading, String paragraph, Table table) {
    }

    /** The figures of one store size (or of the launcher), and those a later phase of the same size needs. */
    static final class Section {
        final String title;
        final Long size;
        final List<Block> blocks = new ArrayList<>();
        /** p50 of the raw append in ms, by clients (median of the rounds): the commands' ratio is taken against it. */
        final Map<Integer, Double> rawP50 = new LinkedHashMap<>();

        Section(String title, Long size) {
            this.title = title;
            this.size = size;
        }

        String where() {
            return size == null ? title : Format.count(size) + " events";
        }
    }

    private final List<String> context = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void context(String line) {
        context.add(line);
    }

    void note(String line) {
        notes.add(line);
    }

    Section begin(String title, Long size) {
        Section section = new Section(title, size);
        sections.add(section);
        return section;
    }

    Section current() {
        if (sections.isEmpty()) {
            begin("As the warm-up left the store", null);
        }
        return sections.get(sections.size() - 1);
    }

    void add(String heading, String paragraph, Table table) {
        current().blocks.add(new Block(heading, paragraph, table));
    }

    void check(String target, String measured, Verdict verdict) {
        checks.add(new Check(current().where(), target, measured, verdict));
    }

    void check(String target, String measured, boolean pass) {
        check(target, measured, pass ? Verdict.PASS : Verdict.MISS);
    }

    void step(Step step) {
        steps.add(step);
    }

    boolean allPass() {
        return checks.stream().noneMatch(c -> c.verdict() == Verdict.MISS);
    }

    List<Check> checks() {
        return Collections.unmodifiableList(checks);
    }

    // ---------------------------------------------------------------- rendering

    private Table targets() {
        Table table = new Table(List.of("where", "target", "measured", "verdict"));
        checks.forEach(c -> table.row(List.of(c.where(), c.target(), c.measured(),
                c.verdict() == Verdict.INFO ? "(no target at this size)" : c.verdict().name())));
        return table;
    }

    private Table runLog() {
        Table table = new Table(List.of("started", "phase", "took", "stored events before", "load average (1 min) before → after"));
        steps.forEach(s -> table.row(List.of(s.clock(), s.title(), Format.seconds(java.time.Duration.ofMillis(
                Math.round(s.seconds() * 1000))), Format.count(s.eventsBefore()), s.loadBefore() + " → " + s.loadAfter())));
        return table;
    }

    String text() {
        StringBuilder out = new StringBuilder("\n=== Gremium benchmark: the record in PostgreSQL, the views in MongoDB ===\n");
        context.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("\n=== Targets ===\n").append(targets().text());
        for (Section s : sections) {
            out.append("\n=== ").append(s.title).append(" ===\n");
            for (Block b : s.blocks) {
                if (b.heading() != null) {
                    out.append('\n').append(b.heading()).append('\n');
                }
                if (b.paragraph() != null) {
                    out.append("  ").append(plain(b.paragraph())).append('\n');
                }
                if (b.table() != null) {
                    out.append(b.table().text());
                }
            }
        }
        out.append("\n=== Run log ===\n").append(runLog().text());
        notes.forEach(n -> out.append("  note: ").append(plain(n)).append('\n'));
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder("# Gremium benchmark: the record in PostgreSQL, the views in MongoDB\n\n");
        out.append("Written by `bench/` (see [bench/README.md](../bench/README.md)); the targets and what the figures mean are in "
                + "[benchmark.md](benchmark.md).\n\n");
        context.forEach(line -> out.append("- ").append(line).append('\n'));
        out.append("\n## Targets\n\n").append(targets().markdown());
        for (Section s : sections) {
            out.append("\n## ").append(s.title).append("\n");
            for (Block b : s.blocks) {
                if (b.heading() != null) {
                    out.append("\n### ").append(b.heading()).append("\n");
                }
                if (b.paragraph() != null) {
                    out.append('\n').append(b.paragraph()).append('\n');
                }
                if (b.table() != null) {
                    out.append('\n').append(b.table().markdown());
                }
            }
        }
        out.append("\n## Run log\n\n").append(runLog().markdown());
        if (!notes.isEmpty()) {
            out.append("\n## Notes\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String plain(String text) {
        return text.replace("≥", ">=").replace("≤", "<=").replace("→", "->").replace("×", "x").replace("÷", "/");
    }

    static String clientsLabel(int clients) {
        return clients + (clients == 1 ? " client" : " clients");
    }
}
