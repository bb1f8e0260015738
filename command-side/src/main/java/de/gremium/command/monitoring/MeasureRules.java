package de.gremium.command.monitoring;

import static de.gremium.platform.refusal.Refusal.invalid;

import de.gremium.events.monitoring.Direction;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.Observation;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a measure's targets need, and what an evaluation may rest on. */
final class MeasureRules {

    static final int TARGETS_MAX = 20;

    private MeasureRules() {
    }

    static void targets(List<MeasureTarget> targets) {
        if (targets == null || targets.isEmpty()) {
            throw invalid("targets", "a measure has at least one target on an indicator");
        }
        if (targets.size() > TARGETS_MAX) {
            throw invalid("targets", "at most " + TARGETS_MAX + " targets");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            MeasureTarget target = targets.get(i);
            aCompleteTarget(i, target);
            theDirectionLeadsFromBaselineToTarget(i, target);
            aTargetDateAfterTheBaselinePeriod(i, target);
            Integer earlier = seen.putIfAbsent(target.indicatorId() + " " + ObservationRules.describe(target.breakdown()), i);
            if (earlier != null) {
                throw invalid("targets[" + i + "]", "targets[" + earlier + "] already aims at " + target.indicatorId() + " ("
                        + ObservationRules.describe(target.breakdown()) + ")");
            }
        }
    }

    static void aCompleteTarget(int i, MeasureTarget target) {
        String at = "targets[" + i + "]";
        if (target == null) {
            throw invalid(at, "a target is required");
        }
        required(at + ".indicatorId", target.indicatorId());
        required(at + ".baseline", target.baseline());
        required(at + ".target", target.target());
        required(at + ".targetDate", target.targetDate());
        required(at + ".direction", target.direction());
        if (Period.parse(target.baselinePeriod()).isEmpty()) {
            throw invalid(at + ".baselinePeriod", "a period like 2025, 2025-Q3 or 2025-07 is required");
        }
    }

    /** A measure that wants its indicator to rise sets a target above the baseline, and the other way round. */
    static void theDirectionLeadsFromBaselineToTarget(int i, MeasureTarget target) {
        int comparison = target.target().compareTo(target.baseline());
        boolean wrongWay = target.direction() == Direction.INCREASE ? comparison <= 0 : comparison >= 0;
        if (wrongWay) {
            throw invalid("targets[" + i + "].target", "to " + target.direction() + " from the baseline "
                    + target.baseline().toPlainString() + ", the target must lie " + (target.direction() == Direction.INCREASE
                            ? "above" : "below") + " it; " + target.target().toPlainString() + " does not");
        }
    }

    static void aTargetDateAfterTheBaselinePeriod(int i, MeasureTarget target) {
        Period baseline = Period.parse(target.baselinePeriod()).orElseThrow();
        if (target.targetDate().isBefore(baseline.end())) {
            throw invalid("targets[" + i + "].targetDate", "the target date lies after the baseline period " + baseline.text()
                    + ", i.e. on " + baseline.end().format(DateTimeFormatter.ISO_LOCAL_DATE) + " or later");
        }
    }

    /** An evaluation names targets by index ("0", "1", …) and gives an observation of exactly the target's breakdown. */
    static void observationsFitTheTargets(List<MeasureTarget> targets, Map<String, Observation> latestByTarget) {
        for (Map.Entry<String, Observation> entry : latestByTarget.entrySet()) {
            String field = "latestByTarget." + entry.getKey();
            Optional<MeasureTarget> target = targetAt(targets, entry.getKey());
            if (target.isEmpty()) {
                throw invalid(field, "the measure has targets 0 to " + (targets.size() - 1));
            }
            Observation observation = entry.getValue();
            if (observation == null || observation.value() == null || Period.parse(observation.period()).isEmpty()) {
                throw invalid(field, "an observation with a period and a value is required");
            }
            if (!observation.breakdown().equals(target.get().breakdown())) {
                throw invalid(field, "the target aims at " + ObservationRules.describe(target.get().breakdown())
                        + ", the observation is of " + ObservationRules.describe(observation.breakdown()));
            }
        }
    }

    private static Optional<MeasureTarget> targetAt(List<MeasureTarget> targets, String key) {
        try {
            int index = Integer.parseInt(key);
            return index >= 0 && index < targets.size() && key.equals(String.valueOf(index))
                    ? Optional.of(targets.get(index)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw invalid(field, field + " is required");
        }
    }
}
