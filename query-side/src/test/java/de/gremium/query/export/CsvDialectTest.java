package de.gremium.query.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one CSV writer: RFC 4180 quoting, the German variant, and no cell that a spreadsheet runs as a formula. */
class CsvDialectTest {

    /** A row with every character that needs quoting, read back by an independent RFC 4180 reader. */
    @ParameterizedTest
    @EnumSource(CsvDialect.class)
    void everyCellReadsBackAsItWasWhateverItHolds(CsvDialect dialect) throws IOException {
        List<String> cells = List.of("plain", "a,b", "a;b", "say \"hi\"", "line\nbreak", "cr\rhere", "crlf\r\nhere",
                "Müller-Lüdenscheidt, Straße", "", " spaced ");

        String csv = dialect.record(cells) + dialect.record(List.of("second", "row"));

        List<CSVRecord> records = read(dialect, csv);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).toList()).containsExactlyElementsOf(cells);
        assertThat(records.get(1).toList()).containsExactly("second", "row");
        assertThat(csv).endsWith("\r\n");
    }

    @Test
    void aCellIsQuotedOnlyWhenItMustBeAndAQuoteInsideIsDoubled() {
        assertThat(CsvDialect.COMMA.record(List.of("plain", "a,b", "a;b", "say \"hi\"", "x\ny")))
                .isEqualTo("plain,\"a,b\",\"a;b\",\"say \"\"hi\"\"\",\"x\ny\"\r\n");
        assertThat(CsvDialect.SEMICOLON.record(List.of("plain", "a,b", "a;b")))
                .isEqualTo("plain;\"a,b\";\"a;b\"\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+49 391 540", "-2+3", "@SUM(A1:A9)", "\tTab", "\rReturn",
            "=HYPERLINK(\"http://x.example\",\"klick\")", "=cmd|' /C calc'!A0"})
    void aTextCellThatWouldStartAFormulaGetsASingleQuoteInFrontAndIsQuoted(String hostile) throws IOException {
        for (CsvDialect dialect : CsvDialect.values()) {
            String cell = dialect.cell(hostile);

            assertThat(cell).startsWith("\"'");
            assertThat(read(dialect, dialect.record(List.of(hostile, "x"))).get(0).get(0)).isEqualTo("'" + hostile);
        }
    }

    @Test
    void harmlessFirstCharactersAreLeftAlone() {
        assertThat(CsvDialect.COMMA.cell("1+1=2")).isEqualTo("1+1=2");
        assertThat(CsvDialect.COMMA.cell("a=b")).isEqualTo("a=b");
        assertThat(CsvDialect.COMMA.cell("'schon zitiert")).isEqualTo("'schon zitiert");
        assertThat(CsvDialect.COMMA.cell(" =1")).as("a leading space is text to a spreadsheet").isEqualTo(" =1");
    }

    @Test
    void aTypedNumberIsWrittenBareAndNegativeNumbersStayNumbers() {
        assertThat(CsvDialect.COMMA.record(Arrays.asList(-3, new BigDecimal("-0.25"), 42L, new BigDecimal("1E+3"),
                new BigDecimal("0.0000001"), 2.5d, null)))
                .isEqualTo("-3,-0.25,42,1000,0.0000001,2.5,\r\n");
        assertThat(CsvDialect.COMMA.cell("-3")).as("the same characters as text are neutralised").isEqualTo("\"'-3\"");
        assertThat(CsvDialect.COMMA.cell(Double.NEGATIVE_INFINITY)).as("not a number a spreadsheet reads")
                .isEqualTo("\"'-Infinity\"");
    }

    @Test
    void theSemicolonVariantWritesADecimalComma() {
        assertThat(CsvDialect.SEMICOLON.record(Arrays.asList("Quote", new BigDecimal("-64.2"), 7)))
                .isEqualTo("Quote;-64,2;7\r\n");
    }

    @Test
    void valuesBecomeTextOneWay() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("title", "Sprachcafé");
        details.put("policyFields", List.of("LANGUAGE", "WORK"));
        assertThat(CsvDialect.COMMA.text(null)).isEmpty();
        assertThat(CsvDialect.COMMA.text(Thread.State.NEW)).isEqualTo("NEW");
        assertThat(CsvDialect.COMMA.text(Instant.parse("2026-03-11T12:00:00Z"))).isEqualTo("2026-03-11T12:00:00Z");
        assertThat(CsvDialect.COMMA.text(LocalDate.of(2026, 3, 11))).isEqualTo("2026-03-11");
        assertThat(CsvDialect.COMMA.text(List.of("a", "b"))).isEqualTo("a; b");
        assertThat(CsvDialect.COMMA.text(Set.of())).isEmpty();
        assertThat(CsvDialect.COMMA.text(details)).isEqualTo("title: Sprachcafé; policyFields: LANGUAGE; WORK");
        assertThat(CsvDialect.SEMICOLON.text(List.of(new BigDecimal("1.5")))).isEqualTo("1,5");
    }

    @Test
    void umlautsAreUtf8AndOnlyTheGermanVariantStartsWithAByteOrderMark() {
        CsvColumns<String> columns = CsvColumns.column("Straße", s -> s);
        byte[] comma = Export.bytes(CsvDialect.COMMA, List.of("Größe"), columns);
        byte[] semicolon = Export.bytes(CsvDialect.SEMICOLON, List.of("Größe"), columns);

        assertThat(comma).isEqualTo("Straße\r\nGröße\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(semicolon).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(semicolon, StandardCharsets.UTF_8)).isEqualTo("\uFEFFStraße\r\nGröße\r\n");
    }

    record Topic(int position, String title, Set<String> tags, Place place) {
    }

    record Place(String room, Integer floor) {
    }

    record Ragged(String id, List<Place> places) {
    }

    @Test
    void aRecordsComponentsAreItsColumnsAndANestedRecordsAreNamedWithADot() {
        CsvColumns<Topic> columns = CsvColumns.of(Topic.class);

        assertThat(columns.names()).containsExactly("position", "title", "tags", "place.room", "place.floor");
        assertThat(columns.write(CsvDialect.COMMA, List.of(new Topic(1, "=Sprache", Set.of("a"), new Place("R 1", -1)),
                new Topic(2, "Arbeit", Set.of(), null))))
                .isEqualTo("position,title,tags,place.room,place.floor\r\n1,\"'=Sprache\",a,R 1,-1\r\n2,Arbeit,,,\r\n");
    }

    @Test
    void aComponentThatDoesNotFitOneCellMustBeLeftOutOrTheColumnsChosen() {
        assertThatThrownBy(() -> CsvColumns.of(Ragged.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Ragged.places");
        assertThat(CsvColumns.of(Ragged.class, "places").names()).containsExactly("id");
        CsvColumns<Ragged> chosen = CsvColumns.<Ragged>column("id", Ragged::id)
                .and("rooms", r -> r.places().stream().map(Place::room).toList())
                .and("first", r -> r.places().get(0), CsvColumns.of(Place.class));
        assertThat(chosen.names()).containsExactly("id", "rooms", "first.room", "first.floor");
        assertThat(chosen.cells(new Ragged("x", List.of(new Place("A", 1), new Place("B", 2)))))
                .containsExactly("x", List.of("A", "B"), "A", 1);
        assertThatThrownBy(() -> chosen.and("id", Ragged::id)).hasMessageContaining("named twice");
    }

    private static List<CSVRecord> read(CsvDialect dialect, String csv) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(dialect.separator()).get();
        return format.parse(new StringReader(csv)).getRecords();
    }
}
