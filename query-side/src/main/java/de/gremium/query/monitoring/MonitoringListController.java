package de.gremium.query.monitoring;

import de.gremium.events.PolicyField;
import de.gremium.events.monitoring.MeasureVerdict;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The indicators and the measures as lists to browse (the single ones are in {@link MonitoringController}). */
@RestController
@RequestMapping("/api/monitoring")
@PreAuthorize("hasAnyRole('MEMBER', 'COORDINATOR', 'MAYOR_OFFICE', 'READER')")
@Tag(name = "Monitoring")
class MonitoringListController {

    static final CsvColumns<IndicatorRow> INDICATOR_ROW = CsvColumns.of(IndicatorRow.class);
    static final CsvColumns<MeasureRow> MEASURE_ROW = CsvColumns.of(MeasureRow.class);

    private final QueryGateway queries;

    MonitoringListController(QueryGateway queries) {
        this.queries = queries;
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
