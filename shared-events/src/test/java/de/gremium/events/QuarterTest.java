package de.gremium.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuarterTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aDayLiesInTheQuarterOfItsMonth() {
        assertThat(Quarter.of(LocalDate.parse("2027-01-01"))).isEqualTo(new Quarter(2027, 1));
        assertThat(Quarter.of(LocalDate.parse("2027-03-31"))).isEqualTo(new Quarter(2027, 1));
        assertThat(Quarter.of(LocalDate.parse("2027-04-01"))).isEqualTo(new Quarter(2027, 2));
        assertThat(Quarter.of(LocalDate.parse("2027-09-30"))).isEqualTo(new Quarter(2027, 3));
        assertThat(Quarter.of(LocalDate.parse("2027-12-31"))).isEqualTo(new Quarter(2027, 4));
    }

    @Test
    void anInstantLiesInTheQuarterOfTheDayTheClocksShowWhereTheGroupMeets() {
        Instant newYearsEveInUtc = Instant.parse("2026-12-31T23:30:00Z");

        assertThat(Quarter.of(newYearsEveInUtc, ZoneId.of("UTC"))).isEqualTo(new Quarter(2026, 4));
        assertThat(Quarter.of(newYearsEveInUtc, BERLIN)).isEqualTo(new Quarter(2027, 1));
    }

    @Test
    void aQuarterRunsFromItsFirstToItsLastDay() {
        Quarter q1 = new Quarter(2028, 1);

        assertThat(q1.firstDay()).isEqualTo(LocalDate.parse("2028-01-01"));
        assertThat(q1.lastDay()).isEqualTo(LocalDate.parse("2028-03-31"));
        assertThat(q1.endExclusive()).isEqualTo(new Quarter(2028, 2).firstDay());
        assertThat(new Quarter(2028, 4).lastDay()).isEqualTo(LocalDate.parse("2028-12-31"));
    }

    @Test
    void theMonitoringWritesAQuarterAsAPeriodAndTheGroupAsYearAndNumber() {
        assertThat(Quarter.parse("2025-Q3")).contains(new Quarter(2025, 3));
        assertThat(Quarter.parse("2025-Q5")).isEmpty();
        assertThat(Quarter.parse("2025-07")).isEmpty();
        assertThat(Quarter.parse(null)).isEmpty();
        assertThat(new Quarter(2026, 4)).hasToString("2026 Q4");
    }

    @Test
    void aQuarterIsOneToFour() {
        assertThatThrownBy(() -> new Quarter(2027, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Quarter(2027, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Quarter.isNumber(4)).isTrue();
        assertThat(Quarter.isNumber(5)).isFalse();
    }
}
