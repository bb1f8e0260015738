package de.gremium.command.monitoring;

import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.Direction;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.monitoring.Observation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The monitoring's judgement of a measure, computed from its targets and the latest observation of each,
 * at an instant, and nothing else (so an evaluation can be repeated with the same result). Per target:
 * <ul>
 * <li>no observation of a period after the baseline period: {@code NOT_MEASURABLE_YET};</li>
 * <li>the target date has passed (the evaluation's day in Berlin is after it): {@code ACHIEVED} if the latest
 * value reached the target value in the target's direction, else {@code MISSED};</li>
 * <li>up to the target date: {@code ACHIEVED} if already reached; {@code ON_TRACK} if the value is on or beyond
 * the linear path from the baseline (at the end of the baseline period) to the target (at the end of the
 * target date), taken at the end of the observation's period; below that path {@code NOT_MEASURABLE_YET}:
 * success or failure cannot be told before the date, and the basis says the measure is behind.</li>
 * </ul>
 * The measure's verdict is the worst of its targets': MISSED, then NOT_MEASURABLE_YET, ON_TRACK, ACHIEVED.
 */
final class MeasureVerdicts {

    static final List<MeasureVerdict> WORST_FIRST = List.of(MeasureVerdict.MISSED, MeasureVerdict.NOT_MEASURABLE_YET,
            MeasureVerdict.ON_TRACK, MeasureVerdict.ACHIEVED);
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** The verdict and its basis: in German, then " | ", then in English, one clause per target. */
    record Evaluation(MeasureVerdict verdict, String basis) {
    }

    private record Judgement(MeasureVerdict verdict, String german, String english) {
    }

    private MeasureVerdicts() {
    }

    static Evaluation evaluate(List<MeasureTarget> targets, Map<String, Observation> latestByTarget, Instant at) {
        LocalDate today = Period.today(at);
        MeasureVerdict worst = MeasureVerdict.ACHIEVED;
        List<String> german = new ArrayList<>();
        List<String> english = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            MeasureTarget target = targets.get(i);
            Judgement judgement = judge(target, latestByTarget.get(String.valueOf(i)), today);
            if (WORST_FIRST.indexOf(judgement.verdict()) < WORST_FIRST.indexOf(worst)) {
                worst = judgement.verdict();
            }
            german.add("Ziel " + (i + 1) + " (" + target.indicatorId() + ", " + germanBreakdown(target.breakdown()) + "): "
                    + judgement.german());
            english.add("target " + (i + 1) + " (" + target.indicatorId() + ", " + ObservationRules.describe(target.breakdown())
                    + "): " + judgement.english());
        }
        return new Evaluation(worst, String.join("; ", german) + " | " + String.join("; ", english));
    }

    private static Judgement judge(MeasureTarget target, Observation latest, LocalDate today) {
        Period baselinePeriod = Period.parse(target.baselinePeriod()).orElseThrow();
        Period observed = latest == null ? null : Period.parse(latest.period()).orElseThrow();
        if (observed == null || !observed.isAfter(baselinePeriod)) {
            return new Judgement(MeasureVerdict.NOT_MEASURABLE_YET,
                    "keine Beobachtung nach dem Basiszeitraum " + baselinePeriod.text() + ", daher noch nicht messbar",
                    "no observation after the baseline period " + baselinePeriod.text() + ", so not measurable yet");
        }
        String value = latest.value().toPlainString();
        String goal = target.target().toPlainString();
        String germanSeen = observed.text() + " = " + value + " (Quelle: " + latest.sourceRelease() + ")";
        String englishSeen = observed.text() + " = " + value + " (source release: " + latest.sourceRelease() + ")";
        String germanDate = target.targetDate().format(GERMAN_DATE);
        String date = target.targetDate().toString();
        boolean reached = target.direction() == Direction.INCREASE ? latest.value().compareTo(target.target()) >= 0
                : latest.value().compareTo(target.target()) <= 0;
        if (reached) {
            return new Judgement(MeasureVerdict.ACHIEVED,
                    germanSeen + ", Zielwert " + goal + " (Zieldatum " + germanDate + ") erreicht",
                    englishSeen + ", target value " + goal + " (target date " + date + ") reached");
        }
        if (today.isAfter(target.targetDate())) {
            return new Judgement(MeasureVerdict.MISSED, germanSeen + ", Zielwert " + goal + " zum " + germanDate + " verfehlt",
                    englishSeen + ", target value " + goal + " missed by " + date);
        }
        LinearPath path = LinearPath.of(target, baselinePeriod, observed);
        String pathValue = path.value().setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        if (path.reachedBy(latest.value())) {
            return new Judgement(MeasureVerdict.ON_TRACK,
                    germanSeen + ", auf Kurs (linearer Pfad: " + pathValue + ", Zielwert " + goal + " zum " + germanDate + ")",
                    englishSeen + ", on track (linear path: " + pathValue + ", target value " + goal + " by " + date + ")");
        }
        return new Judgement(MeasureVerdict.NOT_MEASURABLE_YET,
                germanSeen + ", unter dem linearen Pfad (" + pathValue + ", Zielwert " + goal + " zum " + germanDate
                        + "), daher noch nicht messbar",
                englishSeen + ", below the linear path (" + pathValue + ", target value " + goal + " by " + date
                        + "), so not measurable yet");
    }

    /**
     * The straight line from the baseline value at the end of the baseline period to the target value at the
     * end of the target date, taken where the observed period ends (at most at the target date); measured in days.
     */
    private record LinearPath(MeasureTarget target, long elapsedDays, long totalDays) {

        static LinearPath of(MeasureTarget target, Period baselinePeriod, Period observed) {
            LocalDate from = baselinePeriod.end();
            LocalDate to = target.targetDate().plusDays(1);
            LocalDate at = observed.end().isAfter(to) ? to : observed.end();
            return new LinearPath(target, ChronoUnit.DAYS.between(from, at), ChronoUnit.DAYS.between(from, to));
        }

        BigDecimal value() {
            BigDecimal span = target.target().subtract(target.baseline());
            return target.baseline().add(span.multiply(BigDecimal.valueOf(elapsedDays))
                    .divide(BigDecimal.valueOf(totalDays), MathContext.DECIMAL64));
        }

        /** Progress at least proportional to the time elapsed, exactly: (v − b)·total ≥ (t − b)·elapsed; mirrored. */
        boolean reachedBy(BigDecimal observed) {
            BigDecimal progress = observed.subtract(target.baseline()).multiply(BigDecimal.valueOf(totalDays));
            BigDecimal due = target.target().subtract(target.baseline()).multiply(BigDecimal.valueOf(elapsedDays));
            int comparison = progress.compareTo(due);
            return target.direction() == Direction.INCREASE ? comparison >= 0 : comparison <= 0;
        }
    }

    static String germanBreakdown(Map<BreakdownDimension, String> breakdown) {
        if (breakdown.isEmpty()) {
            return "gesamt";
        }
        StringJoiner joined = new StringJoiner(", ");
        for (BreakdownDimension dimension : BreakdownDimension.values()) {
            if (breakdown.containsKey(dimension)) {
                joined.add(dimension.germanLabel() + ": " + breakdown.get(dimension));
            }
        }
        return joined.toString();
    }
}
