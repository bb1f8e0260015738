package de.gremium.command.monitoring;

import static de.gremium.platform.refusal.Refusal.invalid;

import de.gremium.command.idempotency.RequestIds;
import de.gremium.command.messaging.AggregateReader;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.events.PolicyField;
import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.DefineIndicator;
import de.gremium.events.monitoring.FigureType;
import de.gremium.events.monitoring.Frequency;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.Observation;
import de.gremium.events.monitoring.RecordObservations;
import de.gremium.events.monitoring.ReviseIndicator;
import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.security.CurrentUser;
import de.gremium.platform.refusal.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
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
    static final String CODE_FORMAT = "2 to 6 capital letters, a hyphen and two digits, e.g. SPR-01";
    private static final java.util.regex.Pattern UPLOAD_NAME = java.util.regex.Pattern.compile("[\\p{L}\\p{N} ._-]{1,100}");

    private final CommandDispatcher commands;
    private final RequestIds ids;
    private final Repository<Indicator> indicators;
    private final Clock clock;
    private final String querySideUrl;

    IndicatorController(CommandDispatcher commands, RequestIds ids,
            @Qualifier("indicatorRepository") Repository<Indicator> indicators, Clock clock,
            @Value("${gremium.query-side.base-url}") String querySideUrl) {
        this.commands = commands;
        this.ids = ids;
        this.indicators = indicators;
        this.clock = clock;
        this.querySideUrl = querySideUrl;
    }

    record DefinitionRequest(
            @NotBlank @Pattern(regexp = "[A-Z]{2,6}-\\d{2}", message = CODE_FORMAT) String code,
            @NotBlank @Size(max = IndicatorRules.TITLE_MAX) String title, @NotNull PolicyField policyField,
            @NotNull FigureType figureType, @NotBlank @Size(max = IndicatorRules.TEXT_MAX) String numerator,
            @Size(max = IndicatorRules.TEXT_MAX) String denominator,
            @NotBlank @Size(max = IndicatorRules.TEXT_MAX) String dataSource,
            @Size(max = IndicatorRules.TEXT_MAX) String migrationStatusDefinition,
            Map<BreakdownDimension, @NotEmpty List<@NotBlank String>> breakdowns, @NotNull Frequency frequency,
            @NotBlank @Size(max = IndicatorRules.UNIT_MAX) String unit) {

        IndicatorDefinition definition() {
            return new IndicatorDefinition(title, policyField, figureType, numerator, denominator, dataSource,
                    migrationStatusDefinition, breakdowns, frequency, unit);
        }
    }

    record RevisionRequest(@NotBlank @Size(max = IndicatorRules.TITLE_MAX) String title, @NotNull PolicyField policyField,
            @NotNull FigureType figureType, @NotBlank @Size(max = IndicatorRules.TEXT_MAX) String numerator,
            @Size(max = IndicatorRules.TEXT_MAX) String denominator,
            @NotBlank @Size(max = IndicatorRules.TEXT_MAX) String dataSource,
            @Size(max = IndicatorRules.TEXT_MAX) String migrationStatusDefinition,
            Map<BreakdownDimension, @NotEmpty List<@NotBlank String>> breakdowns, @NotNull Frequency frequency,
            @NotBlank @Size(max = IndicatorRules.UNIT_MAX) String unit) {

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
            @Size(max = Indicator.SOURCE_MAX) String source) {
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
        var existing = AggregateReader.read(indicators, request.code(), Indicator::facts);
        if (existing.isPresent() && !(ids.isKeyed() && existing.get().definition().equals(request.definition()))) {
            throw Refusal.conflict("code", "The indicator " + request.code() + " is already defined; revise it with "
                    + "POST /api/indicators/" + request.code() + "/revision.");
        }
        if (existing.isEmpty()) {
            commands.send(new DefineIndicator(new IndicatorId(request.code()), request.definition(), CurrentUser.id(),
                    clock.instant()));
        }
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
        Indicator.IndicatorFacts indicator = indicator(indicatorId);
        ObservationCsv.Read read = ObservationCsv.read(file == null ? new byte[0] : file);
        if (!read.errors().isEmpty()) {
            throw Refusal.invalid("The file cannot be read; nothing was recorded.", read.errors());
        }
        return record(indicator, read.rows(), source, "rows");
    }

    @PostMapping(path = "/{indicatorId}/observations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Record observations as JSON (coordinator)", description = "{observations: [{period, "
            + "breakdown: {SEX: 'weiblich'}, value, sourceRelease}], source}; all or nothing, like the CSV import.")
    ResponseEntity<Recorded> importJson(@PathVariable String indicatorId, @Valid @RequestBody ObservationsRequest request) {
        Indicator.IndicatorFacts indicator = indicator(indicatorId);
        List<ObservationBatch.Entry> entries = new ArrayList<>();
        for (int i = 0; i < request.observations().size(); i++) {
            ObservationEntry entry = request.observations().get(i);
            String label = "observations[" + i + "]";
            entries.add(new ObservationBatch.Entry(label, new Observation(entry.period(), entry.breakdown(), entry.value(),
                    entry.sourceRelease()), List.of(), Set.of(), field -> label + "." + field));
        }
        return record(indicator, entries, request.source() == null ? "api" : request.source(), "observations");
    }

    private ResponseEntity<Recorded> record(Indicator.IndicatorFacts indicator, List<ObservationBatch.Entry> entries,
            String source, String what) {
        Instant now = clock.instant();
        List<FieldError> errors = ObservationBatch.problems(indicator.definition(), entries, Period.today(now));
        if (!errors.isEmpty()) {
            long bad = entries.stream().filter(entry -> errors.stream().anyMatch(error -> error.field().equals(entry.label())
                    || error.field().startsWith(entry.label() + ":") || error.field().startsWith(entry.label() + "."))).count();
            throw Refusal.invalid("Problems in " + bad + " of " + entries.size() + " " + what + "; nothing was recorded.",
                    errors);
        }
        String importId = ids.newId("observations").toString();
        commands.send(new RecordObservations(indicator.indicatorId(), ObservationBatch.observations(entries), importId, source,
                CurrentUser.id(), now));
        return ResponseEntity.ok(new Recorded(importId, entries.size()));
    }

    private Indicator.IndicatorFacts indicator(String indicatorId) {
        return AggregateReader.read(indicators, indicatorId, Indicator::facts)
                .orElseThrow(() -> Refusal.notFound("The indicator " + indicatorId));
    }

    private static String uploadName(String filename) {
        if (!UPLOAD_NAME.matcher(filename).matches()) {
            throw invalid("filename", "1 to 100 letters, digits, spaces, '.', '_' or '-'");
        }
        return filename;
    }
}
