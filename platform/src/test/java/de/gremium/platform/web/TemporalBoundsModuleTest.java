package de.gremium.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TemporalBoundsModuleTest {

    record Poll(String meetingId, List<OffsetDateTime> extraSlots) {
    }

    record Target(String indicatorId, LocalDate targetDate) {
    }

    record Measure(List<Target> targets, Instant at) {
    }

    record Formatted(@JsonFormat(pattern = "dd.MM.yyyy") LocalDate day, YearMonth month) {
    }

    static final ObjectMapper BOUNDED = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new TemporalBoundsModule());

    @Test
    void aDateTimeOutOfBoundsInAListFailsNamingItsIndex() {
        String body = "{\"meetingId\":\"m\",\"extraSlots\":[\"+999999999-12-31T23:59:59.999999999-18:00\"]}";

        TemporalBoundsModule.OutOfBounds e = catchThrowableOfType(TemporalBoundsModule.OutOfBounds.class,
                () -> BOUNDED.readValue(body, Poll.class));

        assertThat(path(e)).isEqualTo("extraSlots[0]");
        assertThat(e.getOriginalMessage())
                .isEqualTo("'+999999999-12-31T23:59:59.999999999-18:00' lies outside the years 1900 to 2200 (UTC)");
    }

    @Test
    void aNestedDateOutOfBoundsFailsNamingItsWholePath() {
        String body = "{\"targets\":[{\"indicatorId\":\"A\",\"targetDate\":\"2028-12-31\"},"
                + "{\"indicatorId\":\"B\",\"targetDate\":\"-999999999-01-01\"}]}";

        TemporalBoundsModule.OutOfBounds e = catchThrowableOfType(TemporalBoundsModule.OutOfBounds.class,
                () -> BOUNDED.readValue(body, Measure.class));

        assertThat(path(e)).isEqualTo("targets[1].targetDate");
    }

    @Test
    void anInstantOutOfBoundsFailsAsTextAndAsANumber() {
        assertThat(catchThrowableOfType(TemporalBoundsModule.OutOfBounds.class,
                () -> BOUNDED.readValue("{\"at\":\"1899-12-31T23:59:59Z\"}", Measure.class))).isNotNull();
        assertThat(catchThrowableOfType(TemporalBoundsModule.OutOfBounds.class,
                () -> BOUNDED.readValue("{\"at\":31556889864403199}", Measure.class))).isNotNull();
    }

    @Test
    void valuesWithinTheBoundsAreReadAsWithoutTheModuleAndFormatsStillApply() throws Exception {
        assertThat(BOUNDED.readValue("{\"meetingId\":\"m\",\"extraSlots\":[\"2027-02-10T13:00:00+01:00\"]}", Poll.class)
                .extraSlots().get(0).toInstant()).isEqualTo(Instant.parse("2027-02-10T12:00:00Z"));
        assertThat(BOUNDED.readValue("{\"day\":\"31.12.2200\",\"month\":\"1900-01\"}", Formatted.class))
                .isEqualTo(new Formatted(LocalDate.of(2200, 12, 31), YearMonth.of(1900, 1)));
        assertThat(catchThrowableOfType(TemporalBoundsModule.OutOfBounds.class,
                () -> BOUNDED.readValue("{\"day\":\"01.01.2201\"}", Formatted.class))).isNotNull();
    }

    @Test
    void aDateTheJdkCannotReadFailsAsBeforeNotAsOutOfBounds() {
        Exception e = catchThrowableOfType(InvalidFormatException.class,
                () -> BOUNDED.readValue("{\"targets\":[{\"targetDate\":\"+1000000000-01-01\"}]}", Measure.class));

        assertThat(e).isNotNull().isNotInstanceOf(TemporalBoundsModule.OutOfBounds.class);
    }

    static String path(JsonMappingException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
