package de.gremium.command.monitoring;

import de.gremium.command.idempotency.RequestIds;
import de.gremium.command.messaging.AggregateReader;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.command.recommendation.Recommendation;
import de.gremium.events.monitoring.AdoptMeasure;
import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.Direction;
import de.gremium.events.monitoring.EvaluateMeasure;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.security.CurrentUser;
import de.gremium.platform.refusal.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
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

    private final CommandDispatcher commands;
    private final RequestIds ids;
    private final Repository<Indicator> indicators;
    private final Repository<Recommendation> recommendations;
    private final MeasureEvaluations evaluations;
    private final Clock clock;
    private final String querySideUrl;

    MeasureController(CommandDispatcher commands, RequestIds ids,
            @Qualifier("indicatorRepository") Repository<Indicator> indicators,
            @Qualifier("recommendationRepository") Repository<Recommendation> recommendations, MeasureEvaluations evaluations,
            Clock clock, @Value("${gremium.query-side.base-url}") String querySideUrl) {
        this.commands = commands;
        this.ids = ids;
        this.indicators = indicators;
        this.recommendations = recommendations;
        this.evaluations = evaluations;
        this.clock = clock;
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

    record AdoptionRequest(@NotBlank @Size(max = MeasureRules.ID_MAX) String recommendationId,
            @NotBlank @Size(max = MeasureRules.TITLE_MAX) String title,
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
        if (AggregateReader.read(recommendations, request.recommendationId(), recommendation -> Boolean.TRUE).isEmpty()) {
            throw Refusal.invalid("recommendationId", "no recommendation '" + request.recommendationId() + "'");
        }
        List<MeasureTarget> targets = request.targets().stream().map(TargetRequest::measureTarget).toList();
        List<FieldError> errors = targetsFitTheirIndicators(targets);
        if (!errors.isEmpty()) {
            throw Refusal.invalid("The targets do not fit their indicators.", errors);
        }
        MeasureId id = new MeasureId(ids.newId("measure").toString());
        commands.send(new AdoptMeasure(id, new RecommendationId(request.recommendationId()), request.title(), targets, CurrentUser.id(),
                clock.instant()));
        return ResponseEntity.created(URI.create(querySideUrl + "/api/monitoring/measures/" + id.value()))
                .body(new Created(id.value()));
    }

    @PostMapping("/{measureId}/evaluation")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Evaluate a measure now (coordinator)", description = "On the latest observation of each target, "
            + "at the current time; the monitoring also does this by itself whenever observations are recorded. A changed "
            + "verdict is recorded as an event; the answer is the verdict as it stands.")
    Evaluated evaluate(@PathVariable String measureId) {
        EvaluateMeasure command = evaluations.of(new MeasureId(measureId), CurrentUser.id(), clock.instant())
                .orElseThrow(() -> Refusal.notFound("The measure " + measureId));
        MeasureVerdict verdict = commands.send(command);
        return new Evaluated(measureId, verdict, verdict.germanLabel());
    }

    /** Defined indicators, breakdowns they allow, a baseline period of their frequency, values in their range. */
    private List<FieldError> targetsFitTheirIndicators(List<MeasureTarget> targets) {
        List<FieldError> errors = new ArrayList<>();
        Map<IndicatorId, Optional<IndicatorDefinition>> read = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            MeasureTarget target = targets.get(i);
            String at = "targets[" + i + "].";
            Optional<IndicatorDefinition> definition = read.computeIfAbsent(target.indicatorId(),
                    id -> AggregateReader.read(indicators, id.value(), indicator -> indicator.facts().definition()));
            if (definition.isEmpty()) {
                errors.add(new FieldError(at + "indicatorId", "no indicator '" + target.indicatorId() + "'"));
                continue;
            }
            List<ObservationRules.Problem> problems = new ArrayList<>(
                    ObservationRules.breakdownFits(definition.get(), target.breakdown()));
            ObservationRules.periodFits(definition.get(), target.baselinePeriod())
                    .map(ObservationRules.Problem::reason)
                    .or(() -> Period.parse(target.baselinePeriod()).flatMap(Period::outOfBounds))
                    .map(reason -> new ObservationRules.Problem("baselinePeriod", reason)).ifPresent(problems::add);
            ObservationRules.valueFits(definition.get(), target.baseline(), "baseline").ifPresent(problems::add);
            ObservationRules.valueFits(definition.get(), target.target(), "target").ifPresent(problems::add);
            problems.forEach(problem -> errors.add(new FieldError(at + problem.field(), problem.reason())));
        }
        return errors;
    }
}
