package de.gremium.query.report;

import de.gremium.events.PolicyField;
import de.gremium.query.report.AdvisoryCouncilReport.CancelledMeeting;
import de.gremium.query.report.AdvisoryCouncilReport.ClosedReport;
import de.gremium.query.report.AdvisoryCouncilReport.Decision;
import de.gremium.query.report.AdvisoryCouncilReport.FormulatedRecommendation;
import de.gremium.query.report.AdvisoryCouncilReport.HeldMeeting;
import de.gremium.query.report.AdvisoryCouncilReport.NetworkActivity;
import de.gremium.query.report.AdvisoryCouncilReport.Summary;
import de.gremium.query.report.AdvisoryCouncilReport.UnitReports;
import de.gremium.query.report.ReportDocument.Block;
import de.gremium.query.report.ReportDocument.Heading;
import de.gremium.query.report.ReportDocument.Items;
import de.gremium.query.report.ReportDocument.Paragraph;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the report in German as a {@link ReportDocument}: sections Sitzungen, Empfehlungen an den
 * Oberbürgermeister, Problemmeldungen, Netzwerkprojekte and Integrationsmonitoring, after an overview.
 * Enum values appear as their German labels; dates as {@code dd.MM.yyyy}; every text on one line
 * (line breaks and runs of white space in titles and texts become one space).
 */
final class GermanReport {

    static final String GROUP = "Projektgruppe Integration";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy 'um' HH:mm 'Uhr'");
    private static final String NONE = "Keine.";
    private static final String UNKNOWN = "(unbekannt)";

    private final AdvisoryCouncilReport report;
    private final List<Block> blocks = new ArrayList<>();

    private GermanReport(AdvisoryCouncilReport report) {
        this.report = report;
    }

    static ReportDocument document(AdvisoryCouncilReport report) {
        return new GermanReport(report).write();
    }

    static String title(AdvisoryCouncilReport report) {
        return "Tätigkeitsbericht der " + GROUP + " für den Beirat, " + date(report.from()) + "–" + date(report.to());
    }

    private ReportDocument write() {
        paragraph("Berichtszeitraum " + date(report.from()) + " bis " + date(report.to())
                + " (Ortszeit Magdeburg). Erstellt am "
                + DATE_TIME.format(report.generatedAt().atZone(AdvisoryCouncilReportFold.BERLIN))
                + " aus dem Ereignisprotokoll der " + GROUP + ".");
        overview();
        meetings();
        recommendations();
        problemReports();
        networkProjects();
        monitoring();
        return new ReportDocument(title(report), List.copyOf(blocks));
    }

    private void overview() {
        Summary s = report.summary();
        section("Überblick");
        items(List.of(
                "Sitzungen: " + s.meetingsHeld() + " abgehalten, " + s.meetingsCancelled() + " abgesagt",
                "Empfehlungen an den Oberbürgermeister: " + s.recommendationsFormulated() + " im Konsens beschlossen, "
                        + s.recommendationsSubmitted() + " vorgelegt, "
                        + count(s.mayorsDecisions(), "Entscheidung", "Entscheidungen") + " des Oberbürgermeisters",
                "Problemmeldungen: " + s.problemReportsSubmitted() + " eingegangen, " + s.problemReportsClosed()
                        + " abgeschlossen",
                "Netzwerkprojekte: " + s.networkProjectsAnnounced() + " neu gemeldet, " + s.networkProjectsCompleted()
                        + " abgeschlossen, " + s.networkProjectsDropped() + " eingestellt",
                "Integrationsmonitoring: " + count(s.measuresAdopted(), "neue Maßnahme", "neue Maßnahmen") + ", "
                        + count(s.verdictChanges(), "geänderte Bewertung", "geänderte Bewertungen")),
                Function.identity());
    }

    private void meetings() {
        section("Sitzungen");
        subsection("Abgehaltene Sitzungen");
        items(report.meetings().held(), this::held);
        subsection("Abgesagte Sitzungen");
        items(report.meetings().cancelled(), this::cancelled);
    }

    private String held(HeldMeeting m) {
        return date(m.date()) + " – " + meetingName(m.title(), m.kind() == null ? null : m.kind().germanLabel()) + ": "
                + count(m.attendees(), "Mitglied", "Mitglieder") + ", " + count(m.guests(), "Gast", "Gäste") + ", "
                + count(m.agendaItems(), "Tagesordnungspunkt", "Tagesordnungspunkte");
    }

    private String cancelled(CancelledMeeting m) {
        return meetingName(m.title(), m.kind() == null ? null : m.kind().germanLabel())
                + (m.plannedDate() == null ? ", noch ohne Termin" : ", vorgesehen für " + date(m.plannedDate()))
                + ", abgesagt am " + date(m.cancelledOn()) + (blank(m.reason()) ? "" : ". Grund: " + m.reason());
    }

    private void recommendations() {
        section("Empfehlungen an den Oberbürgermeister");
        subsection("Im Konsens beschlossen");
        items(report.recommendations().formulated(), this::formulated);
        subsection("Dem Oberbürgermeister vorgelegt");
        items(report.recommendations().submitted(), r -> date(r.submittedOn()) + ": " + orUnknown(r.text())
                + (blank(r.note()) ? "" : " (Anmerkung: " + r.note() + ")"));
        subsection("Entscheidungen des Oberbürgermeisters");
        items(report.recommendations().decisions(), this::decision);
    }

    private String formulated(FormulatedRecommendation r) {
        String fields = r.policyFields() == null || r.policyFields().isEmpty() ? ""
                : " (Handlungsfelder: " + r.policyFields().stream().map(PolicyField::germanLabel)
                        .collect(Collectors.joining("; ")) + ")";
        String meeting = r.meetingTitle() == null ? "" : ", " + r.meetingTitle();
        return date(r.formulatedOn()) + meeting + fields + ": " + orUnknown(r.text());
    }

    private String decision(Decision d) {
        String line = date(d.decidedOn()) + " – " + d.decision().germanLabel() + ": " + orUnknown(d.text());
        if (!blank(d.reasons())) {
            line = sentence(line) + " Begründung: " + d.reasons();
        }
        return d.reviewDate() == null ? line : sentence(line) + " Wiedervorlage am " + date(d.reviewDate()) + ".";
    }

    private void problemReports() {
        section("Problemmeldungen");
        paragraph(report.problemReports().submitted() + " eingegangen, " + report.problemReports().closed()
                + " abgeschlossen" + (report.problemReports().byUnit().isEmpty() ? "." : ", nach Organisationseinheit:"));
        for (UnitReports unit : report.problemReports().byUnit()) {
            subsection(unit.unit() == null ? "Ohne Organisationseinheit" : unit.unit());
            List<String> lines = new ArrayList<>();
            unit.submitted().forEach(r -> lines.add("eingegangen am " + date(r.submittedOn()) + ": "
                    + orUnknown(r.title())));
            unit.closed().forEach(r -> lines.add(closed(r)));
            items(lines, Function.identity());
        }
    }

    private String closed(ClosedReport r) {
        return "abgeschlossen am " + date(r.closedOn())
                + details(r.outcome() == null ? null : r.outcome().germanLabel()) + ": " + orUnknown(r.title());
    }

    private void networkProjects() {
        section("Netzwerkprojekte");
        for (NetworkActivity group : report.networkProjects()) {
            subsection(group.workingGroup().germanLabel());
            List<String> lines = new ArrayList<>();
            group.announced().forEach(p -> lines.add("neu gemeldet am " + date(p.announcedOn()) + ": "
                    + orUnknown(p.title())
                    + details(p.status() == null ? null : p.status().germanLabel(), span(p.startDate(), p.endDate()))));
            group.completed().forEach(p -> lines.add("abgeschlossen am " + date(p.completedOn()) + ": "
                    + orUnknown(p.title()) + (blank(p.summary()) ? "" : ". " + p.summary())));
            group.dropped().forEach(p -> lines.add("eingestellt am " + date(p.droppedOn()) + ": "
                    + orUnknown(p.title()) + (blank(p.reason()) ? "" : ". Grund: " + p.reason())));
            items(lines, Function.identity());
        }
    }

    private void monitoring() {
        section("Integrationsmonitoring");
        subsection("Neue Maßnahmen");
        items(report.monitoring().measuresAdopted(), m -> date(m.adoptedOn()) + ": " + orUnknown(m.title()));
        subsection("Geänderte Bewertungen von Maßnahmen");
        items(report.monitoring().verdictChanges(), v -> date(v.changedOn()) + ": " + orUnknown(v.title()) + " – "
                + (v.previous() == null ? "" : "von „" + v.previous().germanLabel() + "“ ") + "zu „"
                + v.verdict().germanLabel() + "“" + (blank(v.basis()) ? "" : ". Grundlage: " + v.basis()));
    }

    private void section(String text) {
        blocks.add(new Heading(2, text));
    }

    private void subsection(String text) {
        blocks.add(new Heading(3, oneLine(text)));
    }

    private void paragraph(String text) {
        blocks.add(new Paragraph(oneLine(text)));
    }

    private <T> void items(Collection<T> entries, Function<T, String> line) {
        if (entries.isEmpty()) {
            blocks.add(new Paragraph(NONE));
        } else {
            blocks.add(new Items(entries.stream().map(line).map(GermanReport::oneLine).toList()));
        }
    }

    private static String meetingName(String title, String kind) {
        String name = blank(title) ? "Sitzung" : title;
        return kind == null ? name : name + " (" + kind + ")";
    }

    private static String span(LocalDate start, LocalDate end) {
        if (start == null && end == null) {
            return null;
        }
        return (start == null ? "" : date(start)) + "–" + (end == null ? "" : date(end));
    }

    /** " (a, b)" of the parts that are there, or nothing. */
    private static String details(String... parts) {
        String joined = Arrays.stream(parts).filter(p -> !blank(p)).collect(Collectors.joining(", "));
        return joined.isEmpty() ? "" : " (" + joined + ")";
    }

    /** The text ended by a full stop unless it already ends a sentence. */
    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static String orUnknown(String text) {
        return blank(text) ? UNKNOWN : text;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
