package de.gremium.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.gremium.query.api.PageView;
import de.gremium.query.export.CsvColumns;
import de.gremium.query.export.Export;
import de.gremium.query.export.ExportFormat;
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
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
 * The audit trail for the coordinator: every stored event with who caused it, for one aggregate, one
 * person or all, as JSON pages or as one CSV file; and the check of the hash chain.
 *
 * <p>One mapping serves JSON and CSV and decides itself ({@link ExportFormat#of}): a second mapping that
 * {@code produces = "text/csv"} would also win every request that accepts anything, such as one
 * without an Accept header.
 */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Audit", description = "Who did what, when: the full event history, and whether the store was tampered with")
class AuditController {

    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_EXPORT_ROWS = 100_000;
    static final int EXPORT_SLICE = 1_000;
    static final String TEXT_CSV = "text/csv";

    private static final String ALL = "/events";
    private static final String AGGREGATE = "/aggregates/{aggregateId}/events";
    private static final String PERSON = "/people/{userId}/events";

    private static final CsvColumns<ChainVerification> VERIFICATION = CsvColumns.of(ChainVerification.class);

    private final QueryGateway queries;
    private final AuditCsv csv;

    AuditController(QueryGateway queries, ObjectMapper json) {
        this.queries = queries;
        this.csv = new AuditCsv(json);
    }

    @GetMapping({ALL, AGGREGATE, PERSON})
    @Operation(summary = "Audit entries of all events, of one aggregate, or of one person", description = """
            In the order the audit processor chained them (position), with the events' metadata (userId, \
            correlationId, causationId) and payload. Paged like OParl lists; pages count from 1. Filters combine: \
            from (inclusive) and to (exclusive) are ISO-8601 instants, type is an event type's simple name and may \
            repeat.

            ?format=csv (or csv-semicolon), or Accept: text/csv preferred to application/json, gives the whole \
            filtered result as CSV instead (page and size do not apply; see docs/exports.md): a header line, columns position, timestamp, \
            eventType, aggregateType, aggregateId, sequenceNumber, userId, correlationId, causationId, eventId, \
            payload (JSON); every entry up to the newest one when the export starts, streamed. More than 100,000 rows \
            are refused (400): narrow the filter.""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = PageView.class)),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> entries(
            @PathVariable(required = false) String aggregateId,
            @PathVariable(required = false) String userId,
            @ParameterObject AuditFilterParameters filters,
            @Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(description = PageView.PAGE) @RequestParam(defaultValue = "1") @Min(1) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        ExportFormat chosen = ExportFormat.of(format, accept);
        AuditFilter filter = filters.toFilter(aggregateId, userId);
        if (chosen != ExportFormat.JSON) {
            return export(filter, chosen, fileName(aggregateId, userId));
        }
        AuditQueries.AuditPage result = queries.query(new FetchAuditTrail(filter, page - 1, size),
                ResponseTypes.instanceOf(AuditQueries.AuditPage.class)).join();
        return ResponseEntity.ok().varyBy(HttpHeaders.ACCEPT).body(PageView.of(result.entries(), result.total(), page, size,
                ServletUriComponentsBuilder.fromCurrentRequest()));
    }

    @GetMapping("/verification")
    @Operation(summary = "Walk the hash chain over the stored events", description = """
            Re-reads every chained event from the event store and recomputes its hashes. intact is false when an \
            event was changed or deleted in the store after it was chained, or when the chain itself does not fit; \
            firstBrokenEventId, position and reason (content changed, event missing, chain link broken) name the \
            first such link. See docs/audit.md for what this does and does not prove.

            CSV (?format=csv or csv-semicolon, or Accept: text/csv): the same fields as one row.""")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ChainVerification.class)),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))})
    ResponseEntity<?> verification(@Parameter(description = Export.FORMAT) @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Export export = Export.of(format, accept);
        ChainVerification verification = queries.query(new FetchChainVerification(),
                ResponseTypes.instanceOf(ChainVerification.class)).join();
        return export.view(verification, List::of, VERIFICATION, "audit-verification");
    }

    /**
     * Counts first, so that a too large export is refused before anything is sent, and fixes the
     * newest position then, so that the file is one consistent snapshot while events keep arriving.
     * Slices are read by position (keyset), never by skipping, as the response is written.
     */
    private ResponseEntity<InputStreamResource> export(AuditFilter filter, ExportFormat format, String fileName) {
        AuditQueries.AuditCount count = queries.query(new CountAuditTrail(filter),
                ResponseTypes.instanceOf(AuditQueries.AuditCount.class)).join();
        if (count.total() > MAX_EXPORT_ROWS) {
            throw AuditFilterParameters.invalid("from", "the filter matches " + count.total() + " events, more than the "
                    + MAX_EXPORT_ROWS + " one export holds; narrow it with from, to or type");
        }
        AuditFilter snapshot = filter.upTo(count.headPosition());
        AuditCsvStream rows = new AuditCsvStream(csv, format.dialect(), EXPORT_SLICE, after -> queries.query(
                new FetchAuditTrailAfter(snapshot, after, EXPORT_SLICE),
                ResponseTypes.instanceOf(AuditQueries.AuditSlice.class)).join().entries());
        return ResponseEntity.ok()
                .contentType(format.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header("X-Total-Count", Long.toString(count.total()))
                .varyBy(HttpHeaders.ACCEPT)
                .body(new InputStreamResource(rows));
    }

    private static String fileName(String aggregateId, String userId) {
        String scope = aggregateId != null ? "aggregate-" + aggregateId : userId != null ? "person-" + userId : "all";
        return "audit-" + scope.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
    }
}
