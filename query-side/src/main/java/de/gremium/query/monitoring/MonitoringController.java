package de.gremium.query.monitoring;

import de.gremium.events.PolicyField;
import de.gremium.events.monitoring.FetchIndicatorSeries;
import de.gremium.events.monitoring.FetchPolicyFieldMonitoring;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.platform.refusal.Refusal;
import de.gremium.query.api.PageView;
import de.gremium.query.export.CsvColumns;
import de.gremium.query.export.Export;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The integration monitoring per policy field, per indicator and per measure, each also as CSV ({@link Export}
 * chooses); the first two in their own German tables ({@link MonitoringCsv}).
 */
@RestController
@RequestMapping("/api/monitoring")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Monitoring", description = "Integration monitoring: indicators, their values over time, and whether the "
        + "measures work")
class MonitoringController {

    static final String TEXT_CSV = "text/csv";

    static final CsvColumns<MeasureTargetRow> MEASURE_TARGETS = CsvColumns
            .<MeasureTargetRow>column("measureId", r -> r.measure().measureId())
            .and("title", r -> r.measure().title())
            .and("recommendationId", r -> r.measure().recommendationId())
            .and("verdict", r -> r.measure().verdict())
            .and("verdictSince", r -> r.measure().verdictSince())
            .and("indicatorId", r -> r.target().indicatorId())
            .and("indicatorTitle", r -> r.target().indicatorTitle())
            .and("unit", r -> r.target().unit())
            .and("breakdownLabel", r -> r.target().breakdownLabel())
            .and("baseline", r -> r.target().baseline())
            .and("baselinePeriod", r -> r.target().baselinePeriod())
            .and("target", r -> r.target().target())
            .and("targetDate", r -> r.target().targetDate())
            .and("direction", r -> r.target().direction())
            .and("latest.period", r -> r.target().latest() == null ? null : r.target().latest().period())
            .and("latest.value", r -> r.target().latest() == null ? null : r.target().latest().value());

    private static final String POLICY_FIELD = "/policy-fields/{policyField}";
    private static final String INDICATOR = "/indicators/{indicatorId}";

    static final CsvColumns<IndicatorRow> INDICATOR_ROW = CsvColumns.of(IndicatorRow.class);
    static final CsvColumns<MeasureRow> MEASURE_ROW = CsvColumns.of(MeasureRow.class);

    private final QueryGateway queries;

    MonitoringController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(POLICY_FIELD)
    @Operation(summary = "The monitoring of one policy field", description = """
            Its indicators by code, each with the latest total value (period, value, source release), the total \
            over the last 8 periods in period order (trend) and trendDirection UP, DOWN or FLAT from the \
            second-to-last to the last value (absent with fewer than two); and the measures that target any of \
            these indicators with their current verdict. Periods are ordered by their first day, the longer first \
            when two start the same day (2025 < 2025-Q1 < 2025-01).

            CSV instead with ?format=csv or csv-semicolon, or without format with Accept: text/csv (JSON wins a \
            tie, so */* gets JSON; see docs/exports.md): one header line, one row per indicator; columns Handlungsfeld, \
            Indikator, Titel, Kennzahlart, Einheit, Periode, Wert, Vorperiode, Vorwert, Trend, Datenstand, \
            Maßnahmen ("title (verdict)" joined by "; "). Numbers with a decimal point.""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PolicyFieldMonitoring.class)),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> policyField(@PathVariable PolicyField policyField,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        PolicyFieldMonitoring view = queries.query(new FetchPolicyFieldMonitoring(policyField),
                ResponseTypes.instanceOf(PolicyFieldMonitoring.class)).join();
        return export.view(view, csv -> MonitoringCsv.policyField(view, csv), "monitoring-" + policyField.name());
    }

    @GetMapping(INDICATOR)
    @Operation(summary = "One indicator with its series by breakdown", description = """
            The definition and its revisions (history), the values grouped by breakdown (the total first, then \
            fewer dimensions before more; each in period order; earlierValues lists what later imports \
            corrected), and the measures that target the indicator.

            CSV instead with ?format=csv or csv-semicolon, or without format with Accept: text/csv: one row per \
            value; columns \
            Indikator, Titel, Aufschlüsselung ("insgesamt" for the total), Geschlecht, Altersgruppe, \
            Migrationsstatus, Stadtteil, Periode, Wert, Einheit, Datenstand.""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = IndicatorSeries.class)),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> indicator(@PathVariable String indicatorId,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        IndicatorSeries view = queries.query(new FetchIndicatorSeries(new IndicatorId(indicatorId)),
                        ResponseTypes.optionalInstanceOf(IndicatorSeries.class)).join()
                .orElseThrow(() -> Refusal.notFound("Indicator " + indicatorId));
        return export.view(view, csv -> MonitoringCsv.series(view, csv), "indikator-" + indicatorId);
    }

    @GetMapping("/measures/{measureId}")
    @Operation(summary = "One measure", description = """
            Its current verdict (NOT_MEASURABLE_YET until the first evaluation) with every change and its basis, \
            and per target the indicator's title and unit and the latest value in the target's breakdown. The \
            ETag is the measure's version (JSON only).

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per target, columns measureId, title, \
            recommendationId, verdict, verdictSince, indicatorId, indicatorTitle, unit, breakdownLabel, baseline, \
            baselinePeriod, target, targetDate, direction, latest.period, latest.value.""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = MeasureDetail.class)),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> measure(@PathVariable String measureId,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        MeasureDetail measure = queries.query(new FetchMeasure(new MeasureId(measureId)),
                        ResponseTypes.optionalInstanceOf(MeasureDetail.class)).join()
                .orElseThrow(() -> Refusal.notFound("Measure " + measureId));
        return export.eTag(measure.version()).view(measure, m -> m.targets().stream()
                .map(t -> new MeasureTargetRow(m, t)).toList(), MEASURE_TARGETS, "massnahme-" + measureId);
    }

    /** A row of the measure's CSV: the measure, and one of its targets. */
    record MeasureTargetRow(MeasureDetail measure, MeasureDetail.TargetStatus target) {
    }

    @GetMapping("/indicators")
    @Operation(summary = "Indicators by code, with their latest values", description = """
            One row per indicator, by code: title, policy field, figure type, unit, frequency, data source, and \
            its latest total value (latestPeriod, latestValue, latestSourceRelease, latestRecordedAt; absent while \
            there is none) with trendDirection from the period before (UP, DOWN, FLAT; absent with fewer than two \
            values). Periods are ordered as in /api/monitoring/policy-fields/{policyField}. Paged like OParl \
            lists (data, pagination, links); pages count from 1. One indicator's series: \
            /api/monitoring/indicators/{indicatorId}.

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per row of the page, the same \
            fields as columns; X-Total-Count and Link place the page in the list (docs/exports.md).""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PageView.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> indicators(
            @RequestParam(required = false) PolicyField policyField,
            @Parameter(description = PageView.PAGE) @RequestParam(defaultValue = "1") @Min(1) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        MonitoringQueries.IndicatorPage result = queries.query(new FetchIndicators(policyField, page - 1, size),
                ResponseTypes.instanceOf(MonitoringQueries.IndicatorPage.class)).join();
        return export.page(PageView.of(result.rows(), result.total(), page, size,
                ServletUriComponentsBuilder.fromCurrentRequest()),
                INDICATOR_ROW, "indicators");
    }

    @GetMapping("/measures")
    @Operation(summary = "Measures with their verdicts, newest first", description = """
            One row per measure, the latest adopted first: title, the recommendation it follows, the current \
            verdict (NOT_MEASURABLE_YET, ON_TRACK, ACHIEVED, MISSED) and since when, how often it changed, how many \
            targets on which indicators (joined by ", ") and the last target date. Paged like OParl lists (data, \
            pagination, links); pages count from 1. Filters combine. One measure in detail: \
            /api/monitoring/measures/{measureId}.

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): one row per row of the page, the same \
            fields as columns; X-Total-Count and Link place the page in the list (docs/exports.md).""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PageView.class)),
            @Content(mediaType = Export.TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> measures(
            @RequestParam(required = false) MeasureVerdict verdict,
            @RequestParam(required = false) String recommendationId,
            @RequestParam(required = false) String indicatorId,
            @Parameter(description = PageView.PAGE) @RequestParam(defaultValue = "1") @Min(1) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        MonitoringQueries.MeasurePage result = queries.query(
                new FetchMeasures(verdict, recommendationId, indicatorId, page - 1, size),
                ResponseTypes.instanceOf(MonitoringQueries.MeasurePage.class)).join();
        return export.page(PageView.of(result.rows(), result.total(), page, size,
                ServletUriComponentsBuilder.fromCurrentRequest()),
                MEASURE_ROW, "measures");
    }
}
