package de.gremium.command.monitoring;

import de.gremium.command.messaging.AggregateReader;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.events.monitoring.DefineIndicator;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.RecordObservations;
import de.gremium.platform.refusal.FieldError;
import de.gremium.platform.refusal.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The indicator commands that need the indicator as it stands before its aggregate is asked: whether its code is
 * defined already, and every problem of an import at once (the aggregate refuses on the first, a person fixing a file
 * wants all of them). The {@link Indicator} decides the rest.
 */
@Component
class Indicators {

    private final CommandDispatcher commands;
    private final Repository<Indicator> indicators;
    private final Clock clock;

    Indicators(CommandDispatcher commands, @Qualifier("indicatorRepository") Repository<Indicator> indicators, Clock clock) {
        this.commands = commands;
        this.indicators = indicators;
        this.clock = clock;
    }

    /**
     * Defines the indicator {@code id} once. A keyed request that is retried ({@code retry}) with the same definition
     * finds it defined and records nothing more; any other second definition is refused.
     */
    void define(IndicatorId id, IndicatorDefinition definition, boolean retry, String definedBy) {
        var existing = AggregateReader.read(indicators, id.value(), Indicator::facts);
        if (existing.isPresent() && !(retry && existing.get().definition().equals(definition))) {
            throw Refusal.conflict("code", "The indicator " + id + " is already defined; revise it with "
                    + "POST /api/indicators/" + id + "/revision.");
        }
        if (existing.isEmpty()) {
            commands.send(new DefineIndicator(id, definition, definedBy, clock.instant()));
        }
    }

    /** Records the rows of a CSV file as import {@code importId}: all of them, or none and every problem named. */
    int recordCsv(IndicatorId id, byte[] file, String source, String importId, String recordedBy) {
        Indicator.IndicatorFacts indicator = indicator(id);
        ObservationCsv.Read read = ObservationCsv.read(file);
        if (!read.errors().isEmpty()) {
            throw Refusal.invalid("The file cannot be read; nothing was recorded.", read.errors());
        }
        return record(indicator, read.rows(), source, importId, "rows", recordedBy);
    }

    /** Records observations sent as JSON, as {@link #recordCsv} does a file's rows. */
    int recordEntries(IndicatorId id, List<ObservationBatch.Entry> entries, String source, String importId, String recordedBy) {
        return record(indicator(id), entries, source, importId, "observations", recordedBy);
    }

    private int record(Indicator.IndicatorFacts indicator, List<ObservationBatch.Entry> entries, String source,
            String importId, String what, String recordedBy) {
        Instant now = clock.instant();
        List<FieldError> errors = ObservationBatch.problems(indicator.definition(), entries, Period.today(now));
        if (!errors.isEmpty()) {
            long bad = entries.stream().filter(entry -> errors.stream().anyMatch(error -> error.field().equals(entry.label())
                    || error.field().startsWith(entry.label() + ":") || error.field().startsWith(entry.label() + "."))).count();
            throw Refusal.invalid("Problems in " + bad + " of " + entries.size() + " " + what + "; nothing was recorded.",
                    errors);
        }
        commands.send(new RecordObservations(indicator.indicatorId(), ObservationBatch.observations(entries), importId, source,
                recordedBy, now));
        return entries.size();
    }

    private Indicator.IndicatorFacts indicator(IndicatorId id) {
        return AggregateReader.read(indicators, id.value(), Indicator::facts)
                .orElseThrow(() -> Refusal.notFound("The indicator " + id));
    }
}
