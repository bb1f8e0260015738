package de.gremium.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.gremium.platform.refusal.Refusal;
import de.gremium.query.export.CsvDialect;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

/** The controller's own decisions, without a server: format negotiation, the export's bound, the CSV stream. */
class AuditControllerTest {

    private static AuditEntry entry(long position) {
        return new AuditEntry(position, "e-" + position, "ProblemReportSubmitted", "x.ProblemReportSubmitted", "ProblemReport",
                "r-1", position - 1, Instant.parse("2026-03-04T12:00:00Z").plusSeconds(position), "anna.amt50", "c", "m",
                Map.of("title", "Nr. " + position));
    }

    @Test
    void everyCellOfTheExportThatCouldStartAFormulaIsNeutralised() throws IOException {
        AuditEntry hostile = new AuditEntry(1, "=cmd|' /C calc'!A0", "ProblemReportSubmitted", "x.ProblemReportSubmitted",
                "ProblemReport", "+r-1", 0, Instant.parse("2026-03-04T12:00:00Z"), "@anna", "-c", "\tm",
                Map.of("title", "=1+1"));
        AuditCsvStream stream = new AuditCsvStream(new AuditCsv(AuditDatabase.SPRING_JSON), CsvDialect.COMMA, 2,
                after -> after == 0 ? List.of(hostile) : List.of());

        String csv = readAll(stream);

        assertThat(csv.split("\r\n")[1]).isEqualTo("1,2026-03-04T12:00:00Z,ProblemReportSubmitted,ProblemReport,"
                + "\"'+r-1\",0,\"'@anna\",\"'-c\",\"'\tm\",\"'=cmd|' /C calc'!A0\",\"{\"\"title\"\":\"\"=1+1\"\"}\"");
        assertThat(AuditLogProjectionTest.Rfc4180.parse(csv).get(1)).contains("'@anna", "'=cmd|' /C calc'!A0");
    }

    @Test
    void theSemicolonExportStartsWithAByteOrderMarkAndSeparatesBySemicolons() throws IOException {
        AuditCsvStream stream = new AuditCsvStream(new AuditCsv(AuditDatabase.SPRING_JSON), CsvDialect.SEMICOLON, 2,
                after -> after == 0 ? List.of(entry(1)) : List.of());

        byte[] bytes = stream.readAllBytes();

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("position;timestamp;eventType;").contains("\r\n1;2026-03-04T12:00:01Z;");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExportOfMoreThanAHundredThousandRowsIsRefusedBeforeAnythingIsSent() {
        QueryGateway queries = mock(QueryGateway.class);
        when(queries.query(any(CountAuditTrail.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(new AuditQueries.AuditCount(100_001, 100_001)));
        AuditController controller = new AuditController(queries, AuditDatabase.SPRING_JSON);

        assertThatThrownBy(() -> controller.entries(null, null, new AuditFilterParameters(null, null, null), "csv", null, 1, 50))
                .isInstanceOfSatisfying(Refusal.Invalid.class, e -> assertThat(e.getMessage()).contains("100001"));
    }

    @Test
    void theCsvStreamFetchesSliceAfterSliceUntilOneIsShort() throws IOException {
        for (int total : List.of(0, 1, 2, 5, 6)) {
            List<Long> asked = new ArrayList<>();
            AuditCsvStream stream = new AuditCsvStream(new AuditCsv(AuditDatabase.SPRING_JSON), CsvDialect.COMMA, 2, after -> {
                asked.add(after);
                return LongStream.rangeClosed(after + 1, Math.min(after + 2, total)).mapToObj(AuditControllerTest::entry).toList();
            });

            List<List<String>> rows = AuditLogProjectionTest.Rfc4180.parse(readAll(stream));

            assertThat(rows).as("rows for " + total).hasSize(total + 1);
            assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0))
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, total).mapToObj(Long::toString).toList());
            assertThat(asked).as("slices asked for " + total).hasSize(total / 2 + 1);
        }
    }

    private static String readAll(InputStream stream) throws IOException {
        // a first byte alone, then small blocks, as a servlet container may read
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int first = stream.read();
        if (first >= 0) {
            bytes.write(first);
            byte[] block = new byte[7];
            for (int n = stream.read(block, 0, block.length); n >= 0; n = stream.read(block, 0, block.length)) {
                bytes.write(block, 0, n);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
