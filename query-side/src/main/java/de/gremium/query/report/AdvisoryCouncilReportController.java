package de.gremium.query.report;

import de.gremium.events.monitoring.FetchAdvisoryCouncilReport;
import de.gremium.platform.refusal.Refusal;
import de.gremium.query.export.Export;
import de.gremium.query.export.ExportFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The activity report for the advisory council (Beirat) over a period, as JSON or as a German document
 * in Markdown or HTML ({@link ReportFormat} chooses).
 */
@RestController
@RequestMapping("/api/reports")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Reports", description = "The coordinator's report on the group's work to the advisory council (Beirat)")
class AdvisoryCouncilReportController {

    static final String TEXT_MARKDOWN = "text/markdown";

    private static final String PATH = "/advisory-council";

    private final QueryGateway queries;

    AdvisoryCouncilReportController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(PATH)
    @Operation(summary = "The advisory council report over a period", description = """
            What happened from `from` to `to` (both inclusive, days in Europe/Berlin), read from the event store \
            in one pass: meetings held (title, date, attendance) and cancelled; recommendations formulated, \
            submitted and decided (with the decision and its reasons); problem reports submitted and closed, by \
            unit; network projects announced, completed and dropped, per working group; measures adopted and \
            changes of their verdicts. An entry counts when the day it happened lies in the period, not the day it \
            was recorded (a meeting and the recommendations of its consensus by the meeting's date); titles come \
            from earlier events too. At most 5 years; `to` before `from` is refused.

            format=markdown (text/markdown) or format=html (text/html, no scripts) gives the German document \
            "Tätigkeitsbericht der Projektgruppe Integration für den Beirat, dd.MM.yyyy–dd.MM.yyyy" with the \
            sections Überblick, Sitzungen, Empfehlungen an den Oberbürgermeister, Problemmeldungen, \
            Netzwerkprojekte and Integrationsmonitoring. Without format, Accept decides (JSON wins a tie, so \
            */* gets JSON and a browser the page).

            format=csv or csv-semicolon (Accept: text/csv) gives the report as one table, one row per entry of \
            its lists in their order: columns section (meetings.held, meetings.cancelled, \
            recommendations.formulated, recommendations.submitted, recommendations.decisions, \
            problemReports.submitted, problemReports.closed, networkProjects.announced, networkProjects.completed, \
            networkProjects.dropped, monitoring.measuresAdopted, monitoring.verdictChanges), date, id, title, \
            group (unit or working group), status (kind, decision, outcome, verdict), note (reason, resolution, \
            summary, basis, meeting).""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = AdvisoryCouncilReport.class)),
            @Content(mediaType = TEXT_MARKDOWN, schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> report(
            @Parameter(description = "first day, YYYY-MM-DD, years 1900 to 2200")
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @Parameter(description = "last day, YYYY-MM-DD, years 1900 to 2200")
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @Parameter(description = "json, markdown, html, csv or csv-semicolon; without it, Accept decides")
            @RequestParam(required = false)
            String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ReportFormat chosen = ReportFormat.of(format, accept);
        AdvisoryCouncilReport report = fetch(from, to);
        return switch (chosen) {
            case JSON -> ResponseEntity.ok(report);
            case CSV, CSV_SEMICOLON -> new Export(ExportFormat.valueOf(chosen.name()), null).view(report, ReportCsv::rows,
                    ReportCsv.COLUMNS, "taetigkeitsbericht-" + from + "-" + to);
            case MARKDOWN -> ResponseEntity.ok().contentType(chosen.mediaType())
                    .body(ReportMarkdown.render(GermanReport.document(report)));
            case HTML -> ResponseEntity.ok().contentType(chosen.mediaType())
                    .header("Content-Security-Policy", ReportHtml.CONTENT_SECURITY_POLICY)
                    .body(ReportHtml.render(GermanReport.document(report)));
        };
    }

    private AdvisoryCouncilReport fetch(LocalDate from, LocalDate to) {
        AdvisoryCouncilReportFold.invalidPeriod(from, to).ifPresent(reason -> {
            throw invalid("to", reason);
        });
        return queries.query(new FetchAdvisoryCouncilReport(from, to),
                ResponseTypes.instanceOf(AdvisoryCouncilReport.class)).join();
    }

    private static Refusal.Invalid invalid(String parameter, String reason) {
        return Refusal.invalid(parameter, reason);
    }
}
