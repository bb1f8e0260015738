package de.gremium.query.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.gremium.platform.refusal.Refusal;
import org.junit.jupiter.api.Test;

/** The one place where a format is chosen: by {@code format}, else by {@code Accept}, never silently JSON. */
class FormatChoiceTest {

    @Test
    void theFormatParameterDecidesWhateverAcceptSays() {
        assertThat(ExportFormat.of("csv", "application/json")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.of("CSV", null)).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.of(" csv-semicolon ", "application/xml")).isEqualTo(ExportFormat.CSV_SEMICOLON);
        assertThat(ExportFormat.of("json", "text/csv")).isEqualTo(ExportFormat.JSON);
    }

    @Test
    void anUnknownFormatParameterIsA400NamingFormatAndListingTheFormats() {
        for (String unknown : new String[] {"xml", "", "csv_semicolon", "text/csv"}) {
            assertThatThrownBy(() -> ExportFormat.of(unknown, null)).as(unknown)
                    .isInstanceOfSatisfying(Refusal.Invalid.class, e -> {
                        assertThat(e.field()).isEqualTo("format");
                        assertThat(e.getMessage()).contains("json, csv, csv-semicolon");
                    });
        }
    }

    @Test
    void withoutAFormatParameterAcceptDecidesAndJsonWinsATie() {
        assertThat(ExportFormat.of(null, null)).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.of(null, " ")).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.of(null, "*/*")).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.of(null, "application/json")).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.of(null, "application/json, text/csv")).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.of(null, "application/json, text/csv;q=0.5")).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.of(null, "text/html,application/xhtml+xml,*/*;q=0.8")).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.of(null, "application/xml, application/json;q=0.1")).isEqualTo(ExportFormat.JSON);
        assertThat(ExportFormat.of(null, "application/*")).isEqualTo(ExportFormat.JSON);
    }

    @Test
    void csvIsChosenWhenAcceptPrefersItOrNamesItBesideAWildcard() {
        assertThat(ExportFormat.of(null, "text/csv")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.of(null, "text/csv, */*")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.of(null, "application/json;q=0.5, text/csv")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.of(null, "text/*")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.of(null, "text/csv;charset=utf-8;header=present")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.of(null, "text/csv;sep=comma")).isEqualTo(ExportFormat.CSV);
    }

    @Test
    void theSemicolonVariantIsAskedForWithItsParameter() {
        assertThat(ExportFormat.of(null, "text/csv;sep=semicolon")).isEqualTo(ExportFormat.CSV_SEMICOLON);
        assertThat(ExportFormat.of(null, "text/csv; sep=\"semicolon\", application/json;q=0.9"))
                .isEqualTo(ExportFormat.CSV_SEMICOLON);
        assertThat(ExportFormat.of(null, "text/csv;sep=semicolon;q=0.2, text/csv")).as("the most specific range counts")
                .isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.of(null, "text/csv;sep=semicolon;q=0.2, text/*")).isEqualTo(ExportFormat.CSV);
    }

    @Test
    void anAcceptThatNoFormatMeetsIsA406NamingAcceptNotJson() {
        for (String accept : new String[] {"application/xml", "text/html", "image/*", "application/problem+json",
                "text/csv;sep=tab", "application/json;q=0", "*/*;q=0", "not a media type"}) {
            assertThatThrownBy(() -> ExportFormat.of(null, accept)).as(accept)
                    .isInstanceOfSatisfying(Refusal.NotAcceptable.class, e -> {
                        assertThat(e.field()).isEqualTo("Accept");
                        assertThat(e.getMessage()).contains("application/json", "text/csv", "?format=csv-semicolon");
                    });
        }
    }

    @Test
    void anExplicitZeroQualityRulesAFormatOutEvenBesideAWildcard() {
        assertThat(ExportFormat.of(null, "application/json;q=0, */*")).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.of(null, "text/csv;q=0, */*")).isEqualTo(ExportFormat.JSON);
    }
}
