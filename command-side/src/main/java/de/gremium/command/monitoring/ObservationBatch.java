package de.gremium.command.monitoring;

import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.Observation;
import de.gremium.platform.refusal.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Every problem of every observation of a batch, listed at the edge before anything is sent: the aggregate
 * refuses on the first problem, a person fixing a file wants all of them at once.
 */
final class ObservationBatch {

    /**
     * One observation as the client sent it: {@code label} names it in errors ("row 7", "observations[3]"),
     * {@code field} turns an observation field into the client's name for it, {@code formErrors} were found
     * reading it, and the rules are not asked again about the {@code refusedFields}. An unreadable entry has
     * no observation.
     */
    record Entry(String label, Observation observation, List<FieldError> formErrors, Set<String> refusedFields,
            UnaryOperator<String> field) {
    }

    private ObservationBatch() {
    }

    static List<FieldError> problems(IndicatorDefinition definition, List<Entry> entries, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        Map<ObservationRules.Key, String> seen = new HashMap<>();
        for (Entry entry : entries) {
            errors.addAll(entry.formErrors());
            if (entry.observation() == null) {
                continue;
            }
            for (ObservationRules.Problem problem : problemsOf(definition, entry.observation(), today)) {
                if (!entry.refusedFields().contains(problem.field())) {
                    errors.add(new FieldError(entry.field().apply(problem.field()), problem.reason()));
                }
            }
            ObservationRules.Key key = ObservationRules.Key.of(entry.observation());
            String earlier = seen.putIfAbsent(key, entry.label());
            if (earlier != null && !Objects.toString(key.period(), "").isBlank()) {
                errors.add(new FieldError(entry.label(), "same period and breakdown as " + earlier + " (" + key + ")"));
            }
        }
        return errors;
    }

    /** The rules' problems, and a period outside the dates the API accepts, which the rules do not know of. */
    private static List<ObservationRules.Problem> problemsOf(IndicatorDefinition definition, Observation observation,
            LocalDate today) {
        List<ObservationRules.Problem> problems = new ArrayList<>(ObservationRules.problems(definition, observation, today));
        if (problems.stream().noneMatch(problem -> problem.field().equals("period"))) {
            Period.parse(observation.period()).flatMap(Period::outOfBounds)
                    .ifPresent(reason -> problems.add(0, new ObservationRules.Problem("period", reason)));
        }
        return problems;
    }

    static List<Observation> observations(List<Entry> entries) {
        return entries.stream().map(Entry::observation).toList();
    }
}
