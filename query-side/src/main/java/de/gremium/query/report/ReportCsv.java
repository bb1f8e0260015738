package de.gremium.query.report;

import de.gremium.query.export.CsvColumns;
import de.gremium.query.report.AdvisoryCouncilReport.UnitReports;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The report as one table: one row per entry of each of its lists, in the report's order, named by the list it
 * comes from ({@code section}: {@code meetings.held}, {@code recommendations.decisions}, …). The counts of the
 * summary follow from the rows, so they are not rows of their own.
 */
final class ReportCsv {

    static final CsvColumns<Row> COLUMNS = CsvColumns.of(Row.class);

    /**
     * One entry: the day it happened, the id and title (or text) of what it is about, the unit or working group,
     * its status (a meeting's kind, a decision, an outcome, a verdict) and a note (a reason, a resolution, a summary,
     * the basis of a verdict, the meeting of a recommendation).
     */
    record Row(String section, LocalDate date, String id, String title, String group, String status, String note) {
    }

    private ReportCsv() {
    }

    static List<Row> rows(AdvisoryCouncilReport report) {
        List<Row> rows = new ArrayList<>();
        add(rows, report.meetings().held(), m -> new Row("meetings.held", m.date(), m.meetingId(), m.title(), null,
                name(m.kind()), m.attendees() + " attendees, " + m.guests() + " guests, " + m.agendaItems() + " agenda items"));
        add(rows, report.meetings().cancelled(), m -> new Row("meetings.cancelled", m.cancelledOn(), m.meetingId(), m.title(),
                null, name(m.kind()), m.reason()));
        add(rows, report.recommendations().formulated(), r -> new Row("recommendations.formulated", r.formulatedOn(),
                r.recommendationId(), r.text(), null, null, r.meetingTitle()));
        add(rows, report.recommendations().submitted(), r -> new Row("recommendations.submitted", r.submittedOn(),
                r.recommendationId(), r.text(), null, null, r.note()));
        add(rows, report.recommendations().decisions(), d -> new Row("recommendations.decisions", d.decidedOn(),
                d.recommendationId(), d.text(), null, name(d.decision()), d.reasons()));
        for (UnitReports unit : report.problemReports().byUnit()) {
            add(rows, unit.submitted(), r -> new Row("problemReports.submitted", r.submittedOn(), r.reportId(), r.title(),
                    unit.unit(), null, null));
            add(rows, unit.closed(), r -> new Row("problemReports.closed", r.closedOn(), r.reportId(), r.title(),
                    unit.unit(), name(r.outcome()), r.resolution()));
        }
        for (AdvisoryCouncilReport.NetworkActivity group : report.networkProjects()) {
            String workingGroup = name(group.workingGroup());
            add(rows, group.announced(), p -> new Row("networkProjects.announced", p.announcedOn(), p.projectId(), p.title(),
                    workingGroup, name(p.status()), null));
            add(rows, group.completed(), p -> new Row("networkProjects.completed", p.completedOn(), p.projectId(), p.title(),
                    workingGroup, null, p.summary()));
            add(rows, group.dropped(), p -> new Row("networkProjects.dropped", p.droppedOn(), p.projectId(), p.title(),
                    workingGroup, null, p.reason()));
        }
        add(rows, report.monitoring().measuresAdopted(), m -> new Row("monitoring.measuresAdopted", m.adoptedOn(),
                m.measureId(), m.title(), null, null, m.recommendationId()));
        add(rows, report.monitoring().verdictChanges(), v -> new Row("monitoring.verdictChanges", v.changedOn(),
                v.measureId(), v.title(), null, name(v.verdict()), v.basis()));
        return rows;
    }

    private static <E> void add(List<Row> rows, List<E> entries, Function<E, Row> row) {
        if (entries != null) {
            entries.stream().map(row).forEach(rows::add);
        }
    }

    private static String name(Enum<?> constant) {
        return constant == null ? null : constant.name();
    }
}
