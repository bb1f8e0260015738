package de.gremium.command.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.PolicyField;
import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.DefineIndicator;
import de.gremium.events.monitoring.FigureType;
import de.gremium.events.monitoring.Frequency;
import de.gremium.events.monitoring.IndicatorDefined;
import de.gremium.events.monitoring.IndicatorDefinition;
import de.gremium.events.monitoring.IndicatorId;
import de.gremium.events.monitoring.IndicatorRevised;
import de.gremium.events.monitoring.Observation;
import de.gremium.events.monitoring.ObservationsRecorded;
import de.gremium.events.monitoring.RecordObservations;
import de.gremium.events.monitoring.ReviseIndicator;
import de.gremium.platform.refusal.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IndicatorTest {

    static final IndicatorId SPR = new IndicatorId("SPR-01");
    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
    static final Map<BreakdownDimension, List<String>> BY_SEX_AND_DISTRICT = Map.of(
            BreakdownDimension.SEX, List.of("weiblich", "männlich"),
            BreakdownDimension.CITY_DISTRICT, List.of("Altstadt", "Neustadt"));
    static final IndicatorDefinition SHARE = share(BY_SEX_AND_DISTRICT, Frequency.YEARLY);
    static final IndicatorDefined DEFINED = new IndicatorDefined(SPR, SHARE, "koordinator", T);

    private FixtureConfiguration<Indicator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Indicator.class);
    }

    static IndicatorDefinition share(Map<BreakdownDimension, List<String>> breakdowns, Frequency frequency) {
        return new IndicatorDefinition("Anteil der Kinder mit Sprachförderbedarf bei der Schuleingangsuntersuchung",
                PolicyField.LANGUAGE, FigureType.STRUCTURAL_FIGURE, "Kinder mit Sprachförderbedarf", "untersuchte Kinder",
                "Gesundheitsamt, Schuleingangsuntersuchung", null, breakdowns, frequency, "%");
    }

    static IndicatorDefinition count(Map<BreakdownDimension, List<String>> breakdowns) {
        return new IndicatorDefinition("Teilnehmende an Integrationskursen", PolicyField.LANGUAGE, FigureType.BASIC_COUNT,
                "Teilnehmende", null, "BAMF", null, breakdowns, Frequency.QUARTERLY, "Personen");
    }

    static Observation observation(String period, Map<BreakdownDimension, String> breakdown, String value) {
        return new Observation(period, breakdown, value == null ? null : new BigDecimal(value), "SEU 2025");
    }

    static RecordObservations record(String importId, Observation... observations) {
        return new RecordObservations(SPR, List.of(observations), importId, "seu.csv", "koordinator", T);
    }

    static ObservationsRecorded recorded(String importId, Observation... observations) {
        return new ObservationsRecorded(SPR, List.of(observations), importId, "seu.csv", "koordinator", T);
    }

    @Test
    void anIndicatorIsDefinedWithItsCode() {
        fixture.givenNoPriorActivity()
                .when(new DefineIndicator(SPR, SHARE, "koordinator", T))
                .expectEvents(DEFINED);
    }

    @Test
    void aCodeIsTwoToSixCapitalLettersAHyphenAndTwoDigits() {
        for (String code : List.of("spr-01", "S-01", "SPRACHE-01", "SPR-1", "SPR01")) {
            fixture.givenNoPriorActivity()
                    .when(new DefineIndicator(new IndicatorId(code), SHARE, "koordinator", T))
                    .expectException(Refusal.Invalid.class)
                    .expectNoEvents();
        }
    }

    @Test
    void aStructuralFigureNeedsADenominatorAndABasicCountHasNone() {
        IndicatorDefinition noDenominator = new IndicatorDefinition("Anteil", PolicyField.LANGUAGE, FigureType.STRUCTURAL_FIGURE,
                "Kinder", " ", "Gesundheitsamt", null, Map.of(), Frequency.YEARLY, "%");
        fixture.givenNoPriorActivity().when(new DefineIndicator(SPR, noDenominator, "koordinator", T))
                .expectException(Refusal.Invalid.class).expectExceptionMessage("denominator must not be blank");
        IndicatorDefinition countWithDenominator = new IndicatorDefinition("Teilnehmende", PolicyField.LANGUAGE,
                FigureType.BASIC_COUNT, "Teilnehmende", "Einwohner", "BAMF", null, Map.of(), Frequency.YEARLY, "Personen");
        fixture.givenNoPriorActivity().when(new DefineIndicator(SPR, countWithDenominator, "koordinator", T))
                .expectException(Refusal.Invalid.class).expectExceptionMessage("a basic count (Grundzahl) has no denominator");
    }

    @Test
    void aMigrationStatusBreakdownSaysHowMigrationStatusIsDefined() {
        IndicatorDefinition undefined = share(Map.of(BreakdownDimension.MIGRATION_STATUS, List.of("mit", "ohne")), Frequency.YEARLY);
        fixture.givenNoPriorActivity().when(new DefineIndicator(SPR, undefined, "koordinator", T))
                .expectException(Refusal.Invalid.class).expectNoEvents();
    }

    @Test
    void aBreakdownListsDistinctValuesWithoutSurroundingSpaces() {
        for (List<String> values : List.of(List.<String>of(), List.of("weiblich", "weiblich"), List.of(" weiblich"))) {
            fixture.givenNoPriorActivity()
                    .when(new DefineIndicator(SPR, share(Map.of(BreakdownDimension.SEX, values), Frequency.YEARLY), "koordinator", T))
                    .expectException(Refusal.Invalid.class)
                    .expectNoEvents();
        }
    }

    @Test
    void observationsAreRecordedAsOneBatch() {
        Observation total = observation("2025", Map.of(), "31.4");
        Observation girls = observation("2025", Map.of(BreakdownDimension.SEX, "weiblich"), "29.0");
        Observation girlsInTheOldTown = observation("2025",
                Map.of(BreakdownDimension.SEX, "weiblich", BreakdownDimension.CITY_DISTRICT, "Altstadt"), "35");
        fixture.given(DEFINED)
                .when(record("i-1", total, girls, girlsInTheOldTown))
                .expectEvents(recorded("i-1", total, girls, girlsInTheOldTown));
    }

    @Test
    void anObservationForAnUndefinedBreakdownIsRejected() {
        fixture.given(DEFINED)
                .when(record("i-1", observation("2025", Map.of(BreakdownDimension.AGE_GROUP, "6-7"), "30")))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("the indicator is not broken down by AGE_GROUP; it is broken down by SEX, CITY_DISTRICT")
                .expectNoEvents();
    }

    @Test
    void anObservationWithABreakdownValueTheIndicatorDoesNotAllowIsRejected() {
        fixture.given(DEFINED)
                .when(record("i-1", observation("2025", Map.of(BreakdownDimension.CITY_DISTRICT, "Buckau"), "30")))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("'Buckau' is not a value of CITY_DISTRICT; allowed: [Altstadt, Neustadt]")
                .expectNoEvents();
    }

    @Test
    void aPeriodThatDoesNotFitTheFrequencyIsRejected() {
        for (String period : List.of("2025-Q3", "2025-07", "25", "2025-Q5")) {
            fixture.given(DEFINED)
                    .when(record("i-1", observation(period, Map.of(), "30")))
                    .expectException(Refusal.Invalid.class)
                    .expectNoEvents();
        }
        IndicatorDefined quarterly = new IndicatorDefined(SPR, count(Map.of()), "koordinator", T);
        fixture.given(quarterly).when(record("i-1", observation("2025", Map.of(), "30")))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("'2025' does not fit the QUARTERLY frequency; write a quarter like 2025-Q3");
        fixture.given(quarterly).when(record("i-1", observation("2025-Q4", Map.of(), "30")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPeriodThatHasNotBegunIsRejected() {
        fixture.given(DEFINED)
                .when(record("i-1", observation("2027", Map.of(), "30")))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("2027 has not begun yet (today is 2026-03-02)")
                .expectNoEvents();
    }

    @Test
    void aBasicCountIsNotNegative() {
        fixture.given(new IndicatorDefined(SPR, count(Map.of()), "koordinator", T))
                .when(record("i-1", observation("2025-Q4", Map.of(), "-1")))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aPercentageLiesBetweenZeroAndHundred() {
        fixture.given(DEFINED)
                .when(record("i-1", observation("2025", Map.of(), "100.5")))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("a value in % lies between 0 and 100; 100.5 does not")
                .expectNoEvents();
    }

    @Test
    void anObservationNeedsAValueAndASourceRelease() {
        fixture.given(DEFINED)
                .when(record("i-1", observation("2025", Map.of(), null)))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
        fixture.given(DEFINED)
                .when(record("i-1", new Observation("2025", Map.of(), BigDecimal.TEN, " ")))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void theSamePeriodAndBreakdownTwiceInOneBatchIsRejected() {
        fixture.given(DEFINED)
                .when(record("i-1", observation("2025", Map.of(BreakdownDimension.SEX, "weiblich"), "29"),
                        observation("2025", Map.of(), "31"), observation("2025", Map.of(BreakdownDimension.SEX, "weiblich"), "28")))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("same period and breakdown as observations[0] (2025 (SEX=weiblich))")
                .expectNoEvents();
    }

    @Test
    void oneBadObservationRefusesTheWholeBatch() {
        fixture.given(DEFINED)
                .when(record("i-1", observation("2024", Map.of(), "30"), observation("2025", Map.of(), "30"),
                        observation("2025", Map.of(BreakdownDimension.SEX, "divers"), "30")))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("'divers' is not a value of SEX; allowed: [weiblich, männlich]")
                .expectNoEvents();
    }

    @Test
    void aLaterImportCorrectsAnEarlierValueAndTheNewestWins() {
        fixture.given(DEFINED, recorded("i-1", observation("2024", Map.of(), "30"), observation("2025", Map.of(), "31")))
                .when(record("i-2", observation("2025", Map.of(), "31.5")))
                .expectEvents(recorded("i-2", observation("2025", Map.of(), "31.5")))
                .expectState(indicator -> {
                    assertThat(indicator.facts().observations()).hasSize(2);
                    assertThat(indicator.facts().latest(Map.of())).contains(observation("2025", Map.of(), "31.5"));
                });
    }

    @Test
    void anImportAlreadyRecordedIsNotRecordedTwice() {
        fixture.given(DEFINED, recorded("i-1", observation("2025", Map.of(), "31")))
                .when(record("i-1", observation("2025", Map.of(), "31")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void observationsAreRecordedOnlyForADefinedIndicator() {
        fixture.givenNoPriorActivity()
                .when(record("i-1", observation("2025", Map.of(), "31")))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aRevisionMayNotRemoveABreakdownValueThatObservationsUse() {
        IndicatorDefinition withoutNeustadt = share(Map.of(BreakdownDimension.SEX, List.of("weiblich", "männlich"),
                BreakdownDimension.CITY_DISTRICT, List.of("Altstadt")), Frequency.YEARLY);
        fixture.given(DEFINED, recorded("i-1", observation("2025", Map.of(BreakdownDimension.CITY_DISTRICT, "Neustadt"), "30")))
                .when(new ReviseIndicator(SPR, withoutNeustadt, "koordinator", T))
                .expectException(Refusal.Conflict.class)
                .expectExceptionMessage("The revision does not fit the observation recorded for 2025 (CITY_DISTRICT=Neustadt): "
                        + "'Neustadt' is not a value of CITY_DISTRICT; allowed: [Altstadt]")
                .expectNoEvents();
    }

    @Test
    void aRevisionMayRemoveABreakdownValueNoObservationUses() {
        IndicatorDefinition withoutNeustadt = share(Map.of(BreakdownDimension.SEX, List.of("weiblich", "männlich"),
                BreakdownDimension.CITY_DISTRICT, List.of("Altstadt", "Buckau")), Frequency.YEARLY);
        fixture.given(DEFINED, recorded("i-1", observation("2025", Map.of(BreakdownDimension.CITY_DISTRICT, "Altstadt"), "30")))
                .when(new ReviseIndicator(SPR, withoutNeustadt, "koordinator", T))
                .expectEvents(new IndicatorRevised(SPR, withoutNeustadt, "koordinator", T));
    }

    @Test
    void aRevisionMayNotChangeTheFrequencyOfRecordedObservations() {
        fixture.given(DEFINED, recorded("i-1", observation("2025", Map.of(), "30")))
                .when(new ReviseIndicator(SPR, share(BY_SEX_AND_DISTRICT, Frequency.QUARTERLY), "koordinator", T))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
        fixture.given(DEFINED)
                .when(new ReviseIndicator(SPR, share(BY_SEX_AND_DISTRICT, Frequency.QUARTERLY), "koordinator", T))
                .expectEvents(new IndicatorRevised(SPR, share(BY_SEX_AND_DISTRICT, Frequency.QUARTERLY), "koordinator", T));
    }

    @Test
    void anUnchangedRevisionRecordsNothing() {
        fixture.given(DEFINED)
                .when(new ReviseIndicator(SPR, share(BY_SEX_AND_DISTRICT, Frequency.YEARLY), "koordinator", T))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
