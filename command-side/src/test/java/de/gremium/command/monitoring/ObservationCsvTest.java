package de.gremium.command.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.monitoring.BreakdownDimension;
import de.gremium.events.monitoring.Observation;
import de.gremium.platform.refusal.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationCsvTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static ObservationCsv.Read read(String text) {
        return ObservationCsv.read(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<Observation> observations(ObservationCsv.Read read) {
        assertThat(read.errors()).isEmpty();
        read.rows().forEach(row -> assertThat(row.formErrors()).as(row.label()).isEmpty());
        return ObservationBatch.observations(read.rows());
    }

    /** Every problem of the file against the language indicator (SEX and CITY_DISTRICT, yearly, %). */
    static List<FieldError> problems(String text) {
        ObservationCsv.Read read = read(text);
        return read.errors().isEmpty() ? ObservationBatch.problems(IndicatorTest.SHARE, read.rows(), TODAY) : read.errors();
    }

    @Test
    void aFileWithAByteOrderMarkCrlfAndQuotedCellsIsRead() throws IOException {
        byte[] file;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("monitoring/sprachfoerderbedarf-gut.csv")) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{year}}", "2025").getBytes(StandardCharsets.UTF_8);
        }
        assertThat(file[0]).isEqualTo((byte) 0xEF);

        List<Observation> observations = observations(ObservationCsv.read(file));

        assertThat(observations).hasSize(5);
        assertThat(observations.get(0)).isEqualTo(new Observation("2025", Map.of(), new BigDecimal("31.4"), "SEU 2025, Stand 01.03."));
        assertThat(observations.get(2).breakdown()).isEqualTo(Map.of(BreakdownDimension.SEX, "männlich"));
        assertThat(observations.get(2).value()).isEqualTo(new BigDecimal("33.7"));
    }

    @Test
    void anEmptyCellMeansNotBrokenDownAndColumnsMayComeInAnyOrderOrBeLeftOut() {
        List<Observation> observations = observations(read("""
                value,source_release,period,migration_status,sex
                12.5,Melderegister,2025,,
                 7 , Melderegister ,2025,mit,weiblich
                """));

        assertThat(observations).containsExactly(
                new Observation("2025", Map.of(), new BigDecimal("12.5"), "Melderegister"),
                new Observation("2025", Map.of(BreakdownDimension.MIGRATION_STATUS, "mit", BreakdownDimension.SEX, "weiblich"),
                        new BigDecimal("7"), "Melderegister"));
    }

    @Test
    void aQuotedCellHoldsCommasDoubledQuotesAndLineBreaks() {
        List<Observation> observations = observations(read("period,value,source_release\r\n"
                + "2025,1,\"Zensus \"\"2022\"\", fortgeschrieben\r\nStand 31.12.\"\r\n"
                + "\"2024\",\"2\",x"));

        assertThat(observations).extracting(Observation::sourceRelease)
                .containsExactly("Zensus \"2022\", fortgeschrieben\r\nStand 31.12.", "x");
        assertThat(observations.get(1).period()).isEqualTo("2024");
    }

    @Test
    void rowNumbersAreTheSpreadsheetsRowsCountingTheHeaderQuotedLineBreaksAndBlankRows() {
        List<FieldError> problems = problems("period,sex,city_district,value,source_release\n"
                + "2025,,,31.4,\"SEU 2025\nkorrigiert\"\n"         // row 2, two lines
                + "\n"                                              // row 3, blank: skipped
                + "2025,divers,,1.5,SEU 2025\n"                    // row 4
                + ",,,,\n"                                          // row 5, all cells empty: skipped
                + "2025-Q1,weiblich,Buckau,\"1,5\",\n"             // row 6
                + "2025,,,31.5,SEU 2025\n"                         // row 7, same as row 2
                + "2025,,,30\n");                                   // row 8, a cell short

        assertThat(problems).containsExactly(
                new FieldError("row 4: sex", "'divers' is not a value of SEX; allowed: [weiblich, männlich]"),
                new FieldError("row 6: value",
                        "'1,5' is not a number; write it with a decimal point and no thousands separator, e.g. 1234.5"),
                new FieldError("row 6: period", "'2025-Q1' does not fit the YEARLY frequency; write a year like 2025"),
                new FieldError("row 6: city_district", "'Buckau' is not a value of CITY_DISTRICT; allowed: [Altstadt, Neustadt]"),
                new FieldError("row 6: source_release", "the source release is required (e.g. 'Melderegister 31.12.2025')"),
                new FieldError("row 7", "same period and breakdown as row 2 (2025 (total))"),
                new FieldError("row 8", "has 4 cells, the header has 5"));
    }

    @Test
    void theExampleInTheDocsListsItsThreeBadRows() {
        assertThat(problems("""
                period,sex,city_district,value,source_release
                2025,,,31.4,SEU 2025
                2025,weiblich,,29.0,SEU 2025
                2025,divers,,1.5,SEU 2025
                2025,männlich,,"33,7",SEU 2025
                2025,,,31.5,SEU 2025
                """)).extracting(FieldError::field).containsExactly("row 4: sex", "row 5: value", "row 6");
    }

    @Test
    void aDimensionTheIndicatorDoesNotBreakDownByIsRefusedInItsColumn() {
        assertThat(problems("period,age_group,value,source_release\n2025,6-7,30,SEU\n2025,,30,SEU\n")).containsExactly(
                new FieldError("row 2: age_group",
                        "the indicator is not broken down by AGE_GROUP; it is broken down by SEX, CITY_DISTRICT"));
    }

    @Test
    void aPeriodThatHasNotBegunAndAMissingValueAreRefused() {
        assertThat(problems("period,value,source_release\n2027,30,SEU\n2025,,SEU\n")).containsExactly(
                new FieldError("row 2: period", "2027 has not begun yet (today is 2026-03-02)"),
                new FieldError("row 3: value", "a value is required"));
    }

    @Test
    void theHeaderNamesKnownColumnsOnceAndTheRequiredOnes() {
        assertThat(problems("Periode,value,value\n2025,1,2\n")).containsExactly(
                new FieldError("row 1", "unknown column 'Periode'; the columns are "
                        + "period,sex,age_group,migration_status,city_district,value,source_release"),
                new FieldError("row 1", "the column 'value' appears twice"),
                new FieldError("row 1", "the column 'period' is missing"),
                new FieldError("row 1", "the column 'source_release' is missing"));
        assertThat(problems("period;value;source_release\n2025;1;x\n").get(0).reason()).endsWith("separated by ',' (not ';')");
        assertThat(problems("")).containsExactly(new FieldError("row 1",
                "the first row names the columns, e.g. period,sex,age_group,migration_status,city_district,value,source_release"));
        assertThat(problems("period,value,source_release\r\n\r\n")).containsExactly(
                new FieldError("body", "the file has no data rows below its header"));
    }

    @Test
    void brokenQuotingStopsAtItsRow() {
        assertThat(problems("period,value,source_release\n2025,1,x\n2024,2,\"SEU\n2023,3,x\n")).containsExactly(
                new FieldError("row 3", "a quoted cell is not closed; the file ends inside it"));
        assertThat(problems("period,value,source_release\n2025,1,SEU \"neu\"\n")).extracting(FieldError::field)
                .containsExactly("row 2");
        assertThat(problems("period,value,source_release\n2025,1,\"SEU\" neu\n")).containsExactly(
                new FieldError("row 2", "text after the closing quote of a cell; a quoted cell ends at its quote"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() {
        byte[] latin1 = "period,sex,value,source_release\n2025,männlich,1,x\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(ObservationCsv.read(latin1).errors()).containsExactly(
                new FieldError("body", "the file is not UTF-8 text; save it as 'CSV UTF-8'"));
    }
}
