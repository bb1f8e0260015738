package de.gremium.command.monitoring;

import static de.gremium.platform.refusal.Refusal.invalid;

import de.gremium.command.values.TextKind;
import de.gremium.command.values.ValidIndicatorCode;
import de.gremium.command.values.ValidText;
import de.gremium.command.idempotency.RequestIds;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.events.PolicyField;
import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.FigureType;
import de.gremium.events.monitoring.Frequency;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.Observation;
import de.gremium.events.monitoring.ReviseIndicator;
import de.gremium.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/indicators")
@Tag(name = "Monitoring: indicators", description = "Indicators of the integration monitoring (KGSt, Länder monitoring) "
        + "and their observations, imported as CSV or JSON")
class IndicatorController {

    static final String TEXT_CSV = "text/csv";
    private static final java.util.regex.Pattern UPLOAD_NAME = java.util.regex.Pattern.compile("[\\p{L}\\p{N} ._-]{1,100}");

    private final CommandDispatcher commands;
    private final Indicators indicators;
    private final RequestIds ids;
    private final Clock clock;
    private final String querySideUrl;

    IndicatorController(CommandDispatcher commands, Indicators indicators, RequestIds ids, Clock clock,
            @Value("${gremium.query-side.base-url}") String querySideUrl) {
        this.commands = commands;
        this.indicators = indicators;
        this.ids = ids;
        this.clock = clock;
        this.querySideUrl = querySideUrl;
    }

    record DefinitionRequest(
            @ValidIndicatorCode String code,
            @ValidText(TextKind.TITLE) String title, @NotNull PolicyField policyField,
            @NotNull FigureType figureType, @ValidText(TextKind.SHORT_TEXT) String numerator,
            @ValidText(value = TextKind.SHORT_TEXT, required = false) String denominator,
            @ValidText(TextKind.SHORT_TEXT) String dataSource,
            @ValidText(value = TextKind.SHORT_TEXT, required = false) String migrationStatusDefinition,
            Map<BreakdownDimension, @NotEmpty List<@NotBlank String>> breakdowns, @NotNull Frequency frequency,
            @ValidText(TextKind.UNIT) String unit) {

        IndicatorDefinition definition() {
            return new IndicatorDefinition(title, policyField, figureType, numerator, denominator, dataSource,
                    migrationStatusDefinition, breakdowns, frequency, unit);
        }
    }

    record RevisionRequest(@ValidText(TextKind.TITLE) String title, @NotNull PolicyField policyField,
            @NotNull FigureType figureType, @ValidText(TextKind.SHORT_TEXT) String numerator,
            @ValidText(value = TextKind.SHORT_TEXT, required = false) String denominator,
            @ValidText(TextKind.SHORT_TEXT) String dataSource,
            @ValidText(value = TextKind.SHORT_TEXT, required = false) String migrationStatusDefinition,
            Map<BreakdownDimension, @NotEmpty List<@NotBlank String>> breakdowns, @NotNull Frequency frequency,
            @ValidText(TextKind.UNIT) String unit) {

        IndicatorDefinition definition() {
            return new IndicatorDefinition(title, policyField, figureType, numerator, denominator, dataSource,
                    migrationStatusDefinition, breakdowns, frequency, unit);
        }
    }

    /** Rules on the values themselves (period, allowed breakdown values…) are checked against the indicator, all at once. */
    record ObservationEntry(String period, Map<BreakdownDimension, @NotBlank String> breakdown, BigDecimal value,
            String sourceRelease) {
    }

    record ObservationsRequest(@NotEmpty @Size(max = 10_000) List<@NotNull @Valid ObservationEntry> observations,
            @ValidText(value = TextKind.TITLE, required = false) String source) {
    }

    record Created(String id) {
    }

    record Recorded(String importId, int observations) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Define an indicator (coordinator)", description = "The code is the indicator's id and is "
            + "defined once; change the definition by revision. breakdowns lists the allowed values per dimension "
            + "(SEX, AGE_GROUP, MIGRATION_STATUS, CITY_DISTRICT); a basic count has no denominator, a structural or key "
            + "figure needs one; with a MIGRATION_STATUS breakdown, say how migration status is defined.")
    ResponseEntity<Created> define(@Valid @RequestBody DefinitionRequest request) {
        indicators.define(new IndicatorId(request.code()), request.definition(), ids.isKeyed(), CurrentUser.id());
        return ResponseEntity.created(URI.create(querySideUrl + "/api/monitoring/indicators/" + request.code()))
                .body(new Created(request.code()));
    }

    @PostMapping(path = "/{indicatorId}/revision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Revise an indicator's definition (coordinator)", description = "The whole definition, as "
            + "it shall be. Refused (409) if a recorded observation would no longer fit it: a breakdown value or "
            + "dimension in use, another frequency, a value out of range. An unchanged definition records nothing.")
    ResponseEntity<Void> revise(@PathVariable String indicatorId, @Valid @RequestBody RevisionRequest request) {
        commands.send(new ReviseIndicator(new IndicatorId(indicatorId), request.definition(), CurrentUser.id(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{indicatorId}/observations", consumes = TEXT_CSV)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Import observations from a CSV file (coordinator)", description = "UTF-8 (a BOM is allowed), "
            + "RFC 4180, at most 64 KiB. Header: period,sex,age_group,migration_status,city_district,value,source_release "
            + "(any order; the four breakdown columns may be left out; an empty cell means not broken down by it). "
            + "Every row is checked; if any is bad, the answer is 400 listing every problem as 'row N: column' and "
            + "nothing is recorded. A value recorded earlier for the same period and breakdown is replaced.")
    ResponseEntity<Recorded> importCsv(@PathVariable String indicatorId, @RequestBody(required = false) byte[] file,
            @Parameter(description = "Name of the uploaded file, recorded as the import's source; default 'upload'")
            @RequestParam(required = false) String filename,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        String source = filename == null ? "upload" : uploadName(filename);
        String charset = MediaType.parseMediaType(contentType).getParameter("charset");
        if (charset != null && !charset.replace("\"", "").equalsIgnoreCase("utf-8")) {
            throw invalid("Content-Type", "the file is read as UTF-8; send charset=utf-8 or no charset");
        }
        String importId = ids.newId("observations").toString();
        int recorded = indicators.recordCsv(new IndicatorId(indicatorId), file == null ? new byte[0] : file, source, importId,
                CurrentUser.id());
        return ResponseEntity.ok(new Recorded(importId, recorded));
    }

    @PostMapping(path = "/{indicatorId}/observations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Record observations as JSON (coordinator)", description = "{observations: [{period, "
            + "breakdown: {SEX: 'weiblich'}, value, sourceRelease}], source}; all or nothing, like the CSV import.")
    ResponseEntity<Recorded> importJson(@PathVariable String indicatorId, @Valid @RequestBody ObservationsRequest request) {
        List<ObservationBatch.Entry> entries = new ArrayList<>();
        for (int i = 0; i < request.observations().size(); i++) {
            ObservationEntry entry = request.observations().get(i);
            String label = "observations[" + i + "]";
            entries.add(new ObservationBatch.Entry(label, new Observation(entry.period(), entry.breakdown(), entry.value(),
                    entry.sourceRelease()), List.of(), Set.of(), field -> label + "." + field));
        }
        String importId = ids.newId("observations").toString();
        int recorded = indicators.recordEntries(new IndicatorId(indicatorId), entries,
                request.source() == null ? "api" : request.source(), importId, CurrentUser.id());
        return ResponseEntity.ok(new Recorded(importId, recorded));
    }

    private static String uploadName(String filename) {
        if (!UPLOAD_NAME.matcher(filename).matches()) {
            throw invalid("filename", "1 to 100 letters, digits, spaces, '.', '_' or '-'");
        }
        return filename;
    }
}
