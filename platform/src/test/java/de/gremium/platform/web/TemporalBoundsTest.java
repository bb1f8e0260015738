package de.gremium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemporalBoundsTest {

    @Test
    void aDateBeforeNineteenHundredIsRefusedNamingTheField() {
        assertThatThrownBy(() -> TemporalBounds.require("startDate", LocalDate.of(1899, 12, 31)))
                .isInstanceOfSatisfying(Refusal.Invalid.class, e -> {
                    assertThat(e.field()).isEqualTo("startDate");
                    assertThat(e.getMessage()).isEqualTo("'1899-12-31' lies outside the years 1900 to 2200");
                });
    }

    @Test
    void aDateAfterTwentyTwoHundredIsRefused() {
        assertThat(TemporalBounds.problem(LocalDate.of(2201, 1, 1))).hasValue("'2201-01-01' lies outside the years 1900 to 2200");
    }

    @Test
    void theFirstAndTheLastDayOfTheRangeAreWithinIt() {
        assertThat(TemporalBounds.require("date", LocalDate.of(1900, 1, 1))).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(TemporalBounds.problem(LocalDate.of(2200, 12, 31))).isEmpty();
        assertThat(TemporalBounds.problem(LocalDateTime.of(2200, 12, 31, 23, 59, 59, 999_999_999))).isEmpty();
        assertThat(TemporalBounds.problem(YearMonth.of(1900, 1))).isEmpty();
        assertThat(TemporalBounds.problem(Year.of(2200))).isEmpty();
    }

    @Test
    void anInstantIsCheckedInUtc() {
        assertThat(TemporalBounds.problem(Instant.parse("1900-01-01T00:00:00Z"))).isEmpty();
        assertThat(TemporalBounds.problem(Instant.parse("2200-12-31T23:59:59.999999999Z"))).isEmpty();
        assertThat(TemporalBounds.problem(Instant.parse("1899-12-31T23:59:59.999999999Z")))
                .hasValue("'1899-12-31T23:59:59.999999999Z' lies outside the years 1900 to 2200 (UTC)");
        assertThat(TemporalBounds.problem(Instant.parse("2201-01-01T00:00:00Z"))).isPresent();
    }

    @Test
    void aDateTimeWithAnOffsetOrAZoneIsCheckedAsTheInstantItNames() {
        assertThat(TemporalBounds.problem(OffsetDateTime.parse("2200-12-31T23:00:00-01:00"))).isPresent();
        assertThat(TemporalBounds.problem(OffsetDateTime.parse("2201-01-01T00:30:00+01:00"))).isEmpty();
        assertThat(TemporalBounds.problem(ZonedDateTime.of(1900, 1, 1, 0, 30, 0, 0, ZoneId.of("Europe/Berlin")))).isPresent();
        assertThat(TemporalBounds.problem(ZonedDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))).isEmpty();
    }

    @Test
    void theExtremeValuesOfJavaTimeAreRefusedWithoutFailingTheCheck() {
        List<Object> extremes = List.of(LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH.withYear(-1), LocalDateTime.MIN,
                LocalDateTime.MAX, Instant.MIN, Instant.MAX, OffsetDateTime.MIN, OffsetDateTime.MAX,
                OffsetDateTime.parse("+999999999-12-31T23:59:59.999999999-18:00"),
                ZonedDateTime.of(LocalDateTime.MAX, ZoneOffset.MIN), ZonedDateTime.of(LocalDateTime.MIN, ZoneOffset.MAX),
                YearMonth.of(Year.MIN_VALUE, 1), YearMonth.of(Year.MAX_VALUE, 12), Year.of(Year.MIN_VALUE),
                Year.of(Year.MAX_VALUE), LocalDate.of(1899, 12, 31), LocalDate.of(2201, 1, 1));
        for (Object extreme : extremes) {
            assertThat(TemporalBounds.problem(extreme)).as(extreme.toString()).isPresent();
        }
    }

    @Test
    void aYearGivenAsANumberIsCheckedAgainstTheSameRange() {
        assertThat(TemporalBounds.yearProblem(1900)).isEmpty();
        assertThat(TemporalBounds.yearProblem(2200)).isEmpty();
        assertThat(TemporalBounds.yearProblem(1899)).hasValue("'1899' lies outside the years 1900 to 2200");
        assertThat(TemporalBounds.yearProblem(Integer.MAX_VALUE)).isPresent();
    }

    @Test
    void nullATimeOfDayAndValuesThatAreNotTemporalPassUnchecked() {
        assertThat(TemporalBounds.<Object>require("asOf", null)).isNull();
        assertThat(TemporalBounds.problem(LocalTime.MAX)).isEmpty();
        assertThat(TemporalBounds.problem("+999999999-12-31")).isEmpty();
        assertThat(TemporalBounds.problem(42)).isEmpty();
    }

    @Test
    void exactlyTheTypesWithADateAreBounded() {
        List<Class<?>> dated = List.of(LocalDate.class, LocalDateTime.class, YearMonth.class, Year.class, Instant.class,
                OffsetDateTime.class, ZonedDateTime.class);
        List<Class<?>> undated = List.of(LocalTime.class, String.class, java.time.Duration.class);
        assertThat(dated).allMatch(type -> TemporalBounds.isBounded(type));
        assertThat(undated).noneMatch(type -> TemporalBounds.isBounded(type));
    }
}
