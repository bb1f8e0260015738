package de.gremium.command.monitoring;

import static de.gremium.platform.refusal.Refusal.conflict;
import static de.gremium.platform.refusal.Refusal.invalid;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.gremium.command.values.TextKind;
import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.DefineIndicator;
import de.gremium.events.monitoring.IndicatorDefined;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.IndicatorRevised;
import de.gremium.events.monitoring.Observation;
import de.gremium.events.monitoring.ObservationsRecorded;
import de.gremium.events.monitoring.RecordObservations;
import de.gremium.events.monitoring.ReviseIndicator;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An indicator of the integration monitoring, identified by its code, with the observations recorded for
 * it. A batch of observations is recorded whole or not at all; a later observation of the same period and
 * breakdown replaces the earlier one (a corrected source release), so the newest import wins.
 */
@Aggregate(cache = "aggregateCache")
public class Indicator {

    @AggregateIdentifier
    private IndicatorId indicatorId;
    private IndicatorDefinition definition;
    private final Map<ObservationRules.Key, Observation> observations = new LinkedHashMap<>();
    private final Set<String> imports = new HashSet<>();

    protected Indicator() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public Indicator(DefineIndicator command) {
        IndicatorRules.aCode(command.indicatorId());
        IndicatorRules.aDefinition(command.definition());
        apply(new IndicatorDefined(command.indicatorId(), command.definition(), command.definedBy(), command.definedAt()));
    }

    @CommandHandler
    void handle(ReviseIndicator command) {
        IndicatorRules.aDefinition(command.definition());
        if (command.definition().equals(definition)) {
            return; // nothing changed: a repeated revision records nothing
        }
        keepsEveryRecordedObservationValid(command.definition());
        apply(new IndicatorRevised(indicatorId, command.definition(), command.revisedBy(), command.revisedAt()));
    }

    @CommandHandler
    void handle(RecordObservations command) {
        TextKind.TITLE.require("importId", command.importId());
        TextKind.TITLE.require("source", command.source());
        if (imports.contains(command.importId())) {
            return; // the retry of an import already recorded
        }
        aValidBatch(command.observations(), Period.today(command.recordedAt()));
        apply(new ObservationsRecorded(indicatorId, command.observations(), command.importId(), command.source(),
                command.recordedBy(), command.recordedAt()));
    }

    /** All or nothing: the first observation that does not fit refuses the whole batch. */
    private void aValidBatch(List<Observation> batch, LocalDate today) {
        if (batch == null || batch.isEmpty()) {
            throw invalid("observations", "at least one observation is required");
        }
        Map<ObservationRules.Key, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Observation observation = batch.get(i);
            if (observation == null) {
                throw invalid("observations[" + i + "]", "an observation is required");
            }
            List<ObservationRules.Problem> problems = ObservationRules.problems(definition, observation, today);
            if (!problems.isEmpty()) {
                throw invalid("observations[" + i + "]." + problems.get(0).field(), problems.get(0).reason());
            }
            Integer earlier = seen.putIfAbsent(ObservationRules.Key.of(observation), i);
            if (earlier != null) {
                throw invalid("observations[" + i + "]", "same period and breakdown as observations[" + earlier + "] ("
                        + ObservationRules.Key.of(observation) + ")");
            }
        }
    }

    /** A revision may not take away what recorded observations use: a breakdown value, a dimension, the frequency. */
    private void keepsEveryRecordedObservationValid(IndicatorDefinition revised) {
        for (Observation observation : observations.values()) {
            List<ObservationRules.Problem> problems = ObservationRules.problems(revised, observation);
            if (!problems.isEmpty()) {
                throw conflict("The revision does not fit the observation recorded for " + ObservationRules.Key.of(observation)
                        + ": " + problems.get(0).reason());
            }
        }
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        indicatorId = event.indicatorId();
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(IndicatorRevised event) {
        definition = event.definition();
    }

    @EventSourcingHandler
    void on(ObservationsRecorded event) {
        event.observations().forEach(observation -> observations.put(ObservationRules.Key.of(observation), observation));
        imports.add(event.importId());
    }

    /**
     * Facts for other edges: the import checks rows against the definition; adopting a measure checks
     * its targets; the evaluation takes the latest observation of each target.
     */
    public IndicatorFacts facts() {
        return new IndicatorFacts(indicatorId, definition, List.copyOf(observations.values()));
    }

    /** The definition as it stands and the observations, each period and breakdown once (the newest). */
    public record IndicatorFacts(IndicatorId indicatorId, IndicatorDefinition definition, List<Observation> observations) {

        /** The observation of the latest period in exactly this breakdown (empty: the total). */
        public Optional<Observation> latest(Map<BreakdownDimension, String> breakdown) {
            return observations.stream()
                    .filter(observation -> observation.breakdown().equals(breakdown))
                    .filter(observation -> Period.parse(observation.period()).isPresent())
                    .max(Comparator.comparing((Observation observation) -> Period.parse(observation.period()).orElseThrow().end())
                            .thenComparing(observation -> Period.parse(observation.period()).orElseThrow().start()));
        }
    }
}
