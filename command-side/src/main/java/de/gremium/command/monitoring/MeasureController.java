package de.gremium.command.monitoring;

import de.gremium.command.values.TextKind;
import de.gremium.command.values.ValidText;
import de.gremium.command.idempotency.RequestIds;
import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.Direction;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/measures")
@Tag(name = "Monitoring: measures", description = "Projects adopted after a recommendation, with targets on indicators, "
        + "and the monitoring's verdict on them")
class MeasureController {

    private final Measures measures;
    private final RequestIds ids;
    private final String querySideUrl;

    MeasureController(Measures measures, RequestIds ids, @Value("${gremium.query-side.base-url}") String querySideUrl) {
        this.measures = measures;
        this.ids = ids;
        this.querySideUrl = querySideUrl;
    }

    record TargetRequest(@NotBlank String indicatorId, Map<BreakdownDimension, @NotBlank String> breakdown,
            @NotNull BigDecimal baseline, @NotBlank String baselinePeriod, @NotNull BigDecimal target,
            @NotNull LocalDate targetDate, @NotNull Direction direction) {

        MeasureTarget measureTarget() {
            return new MeasureTarget(new IndicatorId(indicatorId), breakdown, baseline, baselinePeriod, target, targetDate,
                    direction);
        }
    }

    record AdoptionRequest(@ValidText(TextKind.REFERENCE) String recommendationId,
            @ValidText(TextKind.TITLE) String title,
            @NotEmpty @Size(max = MeasureRules.TARGETS_MAX) List<@NotNull @Valid TargetRequest> targets) {
    }

    record Created(String id) {
    }

    record Evaluated(String measureId, MeasureVerdict verdict, String label) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Adopt a measure after a recommendation (coordinator)", description = "Each target names a "
            + "defined indicator, a breakdown it allows (empty: the total), a baseline value in a baseline period of the "
            + "indicator's frequency, a target value (above the baseline to INCREASE, below it to DECREASE) and a target "
            + "date after the baseline period. 201 with the measure's id; the measure and its verdicts appear on the query "
            + "side and in the recommendation's trace. The measure is evaluated at once.")
    ResponseEntity<Created> adopt(@Valid @RequestBody AdoptionRequest request) {
        MeasureId id = new MeasureId(ids.newId("measure").toString());
        measures.adopt(id, new RecommendationId(request.recommendationId()), request.title(),
                request.targets().stream().map(TargetRequest::measureTarget).toList(), CurrentUser.id());
        return ResponseEntity.created(URI.create(querySideUrl + "/api/monitoring/measures/" + id.value()))
                .body(new Created(id.value()));
    }

    @PostMapping("/{measureId}/evaluation")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Evaluate a measure now (coordinator)", description = "On the latest observation of each target, "
            + "at the current time; the monitoring also does this by itself whenever observations are recorded. A changed "
            + "verdict is recorded as an event; the answer is the verdict as it stands.")
    Evaluated evaluate(@PathVariable String measureId) {
        MeasureVerdict verdict = measures.evaluate(new MeasureId(measureId), CurrentUser.id());
        return new Evaluated(measureId, verdict, verdict.germanLabel());
    }
}
