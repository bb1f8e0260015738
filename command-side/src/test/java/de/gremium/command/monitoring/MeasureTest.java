package de.gremium.command.monitoring;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

import de.gremium.events.monitoring.AdoptMeasure;
import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.Direction;
import de.gremium.events.monitoring.EvaluateMeasure;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.monitoring.MeasureId;
import de.gremium.events.monitoring.MeasureTarget;
import de.gremium.events.monitoring.MeasureVerdict;
import de.gremium.events.monitoring.MeasureVerdictChanged;
import de.gremium.events.monitoring.Observation;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.refusal.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The language target: from 40 % (baseline 2024) to 50 % by 31.12.2027. The linear path runs from 1.1.2025
 * to 1.1.2028 (1,095 days); at the end of 2025 (365 days) it stands at 43.33.
 */
class MeasureTest {

    static final MeasureId M = new MeasureId("measure-1");
    static final IndicatorId SPR = new IndicatorId("SPR-01");
    static final IndicatorId ARB = new IndicatorId("ARB-01");
    static final Instant ADOPTED = Instant.parse("2025-06-04T12:00:00Z");
    static final Instant SPRING_2026 = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant SPRING_2027 = Instant.parse("2027-03-01T09:00:00Z");
    static final Instant AFTER_THE_DATE = Instant.parse("2028-02-01T09:00:00Z");
    static final LocalDate END_OF_2027 = LocalDate.of(2027, 12, 31);
    static final MeasureTarget LANGUAGE = new MeasureTarget(SPR, Map.of(), new BigDecimal("40"), "2024", new BigDecimal("50"),
            END_OF_2027, Direction.INCREASE);
    static final MeasureTarget UNEMPLOYED_WOMEN = new MeasureTarget(ARB, Map.of(BreakdownDimension.SEX, "weiblich"),
            new BigDecimal("12"), "2024", new BigDecimal("9"), END_OF_2027, Direction.DECREASE);
    static final MeasureAdopted ADOPTED_ON_LANGUAGE = new MeasureAdopted(M, new RecommendationId("rec-1"), "Sprachkitas in allen Stadtteilen",
            List.of(LANGUAGE), "koordinator", ADOPTED);
    static final MeasureAdopted ADOPTED_ON_BOTH = new MeasureAdopted(M, new RecommendationId("rec-1"), "Sprachkitas und Jobcoaching",
            List.of(LANGUAGE, UNEMPLOYED_WOMEN), "koordinator", ADOPTED);

    private FixtureConfiguration<Measure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Measure.class);
    }

    static Observation seen(String period, String value) {
        return new Observation(period, Map.of(), new BigDecimal(value), "SEU " + period);
    }

    static Observation seenForWomen(String period, String value) {
        return new Observation(period, Map.of(BreakdownDimension.SEX, "weiblich"), new BigDecimal(value), "BA " + period);
    }

    static EvaluateMeasure evaluate(Instant at, Map<String, Observation> latest) {
        return new EvaluateMeasure(M, latest, "koordinator", at);
    }

    static MeasureVerdictChanged changed(MeasureVerdict verdict, MeasureVerdict previous, String basis, Instant at) {
        return new MeasureVerdictChanged(M, verdict, previous, basis, "koordinator", at);
    }

    static AdoptMeasure adopt(MeasureTarget... targets) {
        return new AdoptMeasure(M, new RecommendationId("rec-1"), "Sprachkitas in allen Stadtteilen", List.of(targets), "koordinator", ADOPTED);
    }

    static MeasureTarget target(String baseline, String baselinePeriod, String target, LocalDate date, Direction direction) {
        return new MeasureTarget(SPR, Map.of(), new BigDecimal(baseline), baselinePeriod, new BigDecimal(target), date, direction);
    }

    @Test
    void aMeasureIsAdoptedWithTargetsOnIndicators() {
        fixture.givenNoPriorActivity()
                .when(adopt(LANGUAGE))
                .expectEvents(ADOPTED_ON_LANGUAGE);
    }

    @Test
    void aMeasureNeedsARecommendationATitleAndATarget() {
        fixture.givenNoPriorActivity()
                .when(new AdoptMeasure(M, new RecommendationId(" "), "Sprachkitas", List.of(LANGUAGE), "koordinator", ADOPTED))
                .expectException(Refusal.Invalid.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new AdoptMeasure(M, new RecommendationId("rec-1"), "", List.of(LANGUAGE), "koordinator", ADOPTED))
                .expectException(Refusal.Invalid.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(adopt())
                .expectException(Refusal.Invalid.class).expectNoEvents();
    }

    @Test
    void theTargetLiesInTheDirectionTheMeasureWants() {
        fixture.givenNoPriorActivity()
                .when(adopt(target("40", "2024", "40", END_OF_2027, Direction.INCREASE)))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("to INCREASE from the baseline 40, the target must lie above it; 40 does not");
        fixture.givenNoPriorActivity()
                .when(adopt(target("40", "2024", "45", END_OF_2027, Direction.DECREASE)))
                .expectException(Refusal.Invalid.class).expectNoEvents();
    }

    @Test
    void theTargetDateLiesAfterTheBaselinePeriod() {
        fixture.givenNoPriorActivity()
                .when(adopt(target("40", "2024", "50", LocalDate.of(2024, 12, 31), Direction.INCREASE)))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("the target date lies after the baseline period 2024, i.e. on 2025-01-01 or later");
        fixture.givenNoPriorActivity()
                .when(adopt(target("40", "2024", "50", LocalDate.of(2025, 1, 1), Direction.INCREASE)))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(adopt(target("40", "2024-13", "50", END_OF_2027, Direction.INCREASE)))
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void anIndicatorAndBreakdownIsAimedAtOnceInAMeasure() {
        fixture.givenNoPriorActivity()
                .when(adopt(LANGUAGE, target("41", "2024", "55", END_OF_2027, Direction.INCREASE)))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("targets[0] already aims at SPR-01 (total)");
    }

    @Test
    void withoutAnObservationAfterTheBaselinePeriodTheMeasureStaysNotMeasurableYetAndNothingIsRecorded() {
        fixture.given(ADOPTED_ON_LANGUAGE)
                .when(evaluate(SPRING_2026, Map.of()))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(MeasureVerdict.NOT_MEASURABLE_YET)
                .expectNoEvents();
        fixture.given(ADOPTED_ON_LANGUAGE)
                .when(evaluate(SPRING_2026, Map.of("0", seen("2024", "45"))))
                .expectNoEvents();
    }

    @Test
    void anObservationOnTheLinearPathPutsTheMeasureOnTrack() {
        fixture.given(ADOPTED_ON_LANGUAGE)
                .when(evaluate(SPRING_2026, Map.of("0", seen("2025", "44"))))
                .expectResultMessagePayload(MeasureVerdict.ON_TRACK)
                .expectEvents(changed(MeasureVerdict.ON_TRACK, MeasureVerdict.NOT_MEASURABLE_YET,
                        "Ziel 1 (SPR-01, gesamt): 2025 = 44 (Quelle: SEU 2025), auf Kurs (linearer Pfad: 43.33, Zielwert 50 "
                                + "zum 31.12.2027) | target 1 (SPR-01, total): 2025 = 44 (source release: SEU 2025), on track "
                                + "(linear path: 43.33, target value 50 by 2027-12-31)", SPRING_2026));
    }

    @Test
    void reachingTheTargetBeforeItsDateAchievesIt() {
        MeasureVerdictChanged onTrack = changed(MeasureVerdict.ON_TRACK, MeasureVerdict.NOT_MEASURABLE_YET, "…", SPRING_2026);
        fixture.given(ADOPTED_ON_LANGUAGE, onTrack)
                .when(evaluate(SPRING_2027, Map.of("0", seen("2026", "50.2"))))
                .expectEvents(changed(MeasureVerdict.ACHIEVED, MeasureVerdict.ON_TRACK,
                        "Ziel 1 (SPR-01, gesamt): 2026 = 50.2 (Quelle: SEU 2026), Zielwert 50 (Zieldatum 31.12.2027) erreicht | "
                                + "target 1 (SPR-01, total): 2026 = 50.2 (source release: SEU 2026), target value 50 "
                                + "(target date 2027-12-31) reached", SPRING_2027));
    }

    @Test
    void belowTheLinearPathBeforeTheDateIsNotMeasurableYetAndTheBasisSaysItIsBehind() {
        MeasureVerdictChanged onTrack = changed(MeasureVerdict.ON_TRACK, MeasureVerdict.NOT_MEASURABLE_YET, "…", SPRING_2026);
        fixture.given(ADOPTED_ON_LANGUAGE, onTrack)
                .when(evaluate(SPRING_2027, Map.of("0", seen("2026", "44"))))
                .expectResultMessagePayload(MeasureVerdict.NOT_MEASURABLE_YET)
                .expectEvents(changed(MeasureVerdict.NOT_MEASURABLE_YET, MeasureVerdict.ON_TRACK,
                        "Ziel 1 (SPR-01, gesamt): 2026 = 44 (Quelle: SEU 2026), unter dem linearen Pfad (46.67, Zielwert 50 "
                                + "zum 31.12.2027), daher noch nicht messbar | target 1 (SPR-01, total): 2026 = 44 (source "
                                + "release: SEU 2026), below the linear path (46.67, target value 50 by 2027-12-31), so not "
                                + "measurable yet", SPRING_2027));
    }

    @Test
    void aTargetNotReachedWhenItsDateHasPassedIsMissed() {
        fixture.given(ADOPTED_ON_LANGUAGE)
                .when(evaluate(AFTER_THE_DATE, Map.of("0", seen("2027", "49.9"))))
                .expectResultMessagePayload(MeasureVerdict.MISSED)
                .expectEvents(changed(MeasureVerdict.MISSED, MeasureVerdict.NOT_MEASURABLE_YET,
                        "Ziel 1 (SPR-01, gesamt): 2027 = 49.9 (Quelle: SEU 2027), Zielwert 50 zum 31.12.2027 verfehlt | "
                                + "target 1 (SPR-01, total): 2027 = 49.9 (source release: SEU 2027), target value 50 missed "
                                + "by 2027-12-31", AFTER_THE_DATE));
    }

    @Test
    void onTheTargetDateItselfTheMeasureIsNotMissedYet() {
        Instant onTheDate = Instant.parse("2027-12-31T22:59:00Z"); // 23:59 in Berlin
        fixture.given(ADOPTED_ON_LANGUAGE)
                .when(evaluate(onTheDate, Map.of("0", seen("2026", "49.9"))))
                .expectResultMessagePayload(MeasureVerdict.ON_TRACK);
    }

    @Test
    void aTargetReachedWhenItsDateHasPassedIsAchieved() {
        fixture.given(ADOPTED_ON_LANGUAGE)
                .when(evaluate(AFTER_THE_DATE, Map.of("0", seen("2027", "50"))))
                .expectResultMessagePayload(MeasureVerdict.ACHIEVED)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(event -> ((MeasureVerdictChanged) event).verdict() == MeasureVerdict.ACHIEVED), andNoMore())));
    }

    @Test
    void theVerdictMovesFromNotMeasurableYetToOnTrackToAchieved() {
        MeasureVerdictChanged onTrack = changed(MeasureVerdict.ON_TRACK, MeasureVerdict.NOT_MEASURABLE_YET,
                "Ziel 1 (SPR-01, gesamt): 2025 = 44 (Quelle: SEU 2025), auf Kurs (linearer Pfad: 43.33, Zielwert 50 "
                        + "zum 31.12.2027) | target 1 (SPR-01, total): 2025 = 44 (source release: SEU 2025), on track "
                        + "(linear path: 43.33, target value 50 by 2027-12-31)", SPRING_2026);
        fixture.given(ADOPTED_ON_LANGUAGE)
                .when(evaluate(SPRING_2026, Map.of("0", seen("2025", "44"))))
                .expectEvents(onTrack);
        fixture.given(ADOPTED_ON_LANGUAGE, onTrack)
                .when(evaluate(SPRING_2027, Map.of("0", seen("2026", "51"))))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(event ->
                        ((MeasureVerdictChanged) event).verdict() == MeasureVerdict.ACHIEVED
                                && ((MeasureVerdictChanged) event).previous() == MeasureVerdict.ON_TRACK), andNoMore())));
    }

    @Test
    void noEventIsRecordedWhenTheVerdictDoesNotChange() {
        MeasureVerdictChanged onTrack = changed(MeasureVerdict.ON_TRACK, MeasureVerdict.NOT_MEASURABLE_YET, "…", SPRING_2026);
        fixture.given(ADOPTED_ON_LANGUAGE, onTrack)
                .when(evaluate(SPRING_2027, Map.of("0", seen("2026", "47"))))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(MeasureVerdict.ON_TRACK)
                .expectNoEvents();
    }

    @Test
    void aDecreasingTargetIsOnTrackAtOrBelowItsPath() {
        MeasureAdopted adopted = new MeasureAdopted(M, new RecommendationId("rec-1"), "Jobcoaching", List.of(UNEMPLOYED_WOMEN), "koordinator", ADOPTED);
        fixture.given(adopted)
                .when(evaluate(SPRING_2026, Map.of("0", seenForWomen("2025", "11"))))
                .expectResultMessagePayload(MeasureVerdict.ON_TRACK);
        fixture.given(adopted)
                .when(evaluate(SPRING_2026, Map.of("0", seenForWomen("2025", "11.1"))))
                .expectResultMessagePayload(MeasureVerdict.NOT_MEASURABLE_YET)
                .expectNoEvents();
    }

    @Test
    void withSeveralTargetsTheWorstCounts() {
        fixture.given(ADOPTED_ON_BOTH)
                .when(evaluate(AFTER_THE_DATE, Map.of("0", seen("2027", "52"), "1", seenForWomen("2027", "9.5"))))
                .expectResultMessagePayload(MeasureVerdict.MISSED);
        fixture.given(ADOPTED_ON_BOTH)
                .when(evaluate(SPRING_2026, Map.of("0", seen("2025", "52"), "1", seenForWomen("2025", "10"))))
                .expectResultMessagePayload(MeasureVerdict.ON_TRACK);
        fixture.given(ADOPTED_ON_BOTH)
                .when(evaluate(SPRING_2026, Map.of("0", seen("2025", "52"))))
                .expectResultMessagePayload(MeasureVerdict.NOT_MEASURABLE_YET);
        fixture.given(ADOPTED_ON_BOTH)
                .when(evaluate(SPRING_2027, Map.of("0", seen("2026", "52"), "1", seenForWomen("2026", "8.9"))))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(event -> {
                    MeasureVerdictChanged changed = (MeasureVerdictChanged) event;
                    return changed.verdict() == MeasureVerdict.ACHIEVED && changed.basis().contains("Ziel 2 (ARB-01, Geschlecht: weiblich)")
                            && changed.basis().contains("target 2 (ARB-01, SEX=weiblich): 2026 = 8.9 (source release: BA 2026)");
                }), andNoMore())));
    }

    @Test
    void anEvaluationNamesTheMeasuresTargetsAndObservationsOfTheirBreakdown() {
        fixture.given(ADOPTED_ON_LANGUAGE)
                .when(evaluate(SPRING_2026, Map.of("1", seen("2025", "44"))))
                .expectException(Refusal.Invalid.class).expectNoEvents();
        fixture.given(ADOPTED_ON_LANGUAGE)
                .when(evaluate(SPRING_2026, Map.of("0", seenForWomen("2025", "44"))))
                .expectException(Refusal.Invalid.class).expectNoEvents();
    }
}
