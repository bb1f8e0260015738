package de.gremium.query.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.gremium.events.PolicyField;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.RecordFixture;
import de.gremium.query.RunningQuerySide;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every list and view of the query side, on a record that gives each of them something to show: each answers JSON
 * by default, CSV by {@code ?format=csv} and by {@code Accept: text/csv}, the German variant by
 * {@code ?format=csv-semicolon} and by {@code Accept: text/csv;sep=semicolon}, and refuses what it cannot send.
 */
class ExportsApiTest {

    private static final String HOSTILE_TITLE = "=HYPERLINK(\"http://x.example\",\"klick\")";

    /** A view: its path, who may read it, and how its CSV begins and what a row of it holds. */
    record View(String path, String user, String header, String row) {
    }

    private static final List<View> VIEWS = List.of(
            new View("/api/problem-reports", "leser", "id,title,description,unit,policyFields,status,submittedBy,",
                    "meldung-1,Kurse ausgebucht,zu wenige Plätze,Amt 50,LANGUAGE,"),
            new View("/api/problem-reports/meldung-1", "leser", "id,title,description,", "meldung-1,Kurse ausgebucht,"),
            new View("/api/project-ideas", "leser", "id,title,description,policyFields,status,", "idee-1,Sprachcafé,,LANGUAGE,"),
            new View("/api/project-ideas/idee-1", "leser", "ideaId,title,status,kind,actor,at,meetingId,note",
                    "idee-1,Sprachcafé,"),
            new View("/api/members", "leser", "memberId,name,unit,department,roles,appointedAt,email",
                    "anna.amt50,Anna Becker,Amt 50,Dezernat V,"),
            new View("/api/units", "leser", "department,departmentStatus,unit.name,unit.key,unit.status,",
                    "Dezernat IV,ACTIVE,IV/01,iv-01,ACTIVE,"),
            new View("/api/units/amt-50/representatives?date=2026-01-05", "leser",
                    "unit,key,department,date,representative.memberId,representative.name,representative.from,"
                            + "representative.until", "Amt 50,amt-50,Dezernat V,2026-01-05,anna.amt50,Anna Becker,"),
            new View("/api/work-plan/2026", "leser", "year,quarter,meetingId,kind,title,status,start,end,location,"
                    + "durationMinutes,agendaTopics,agenda", "2026,1,regular-2026-Q1,REGULAR,Sitzung Q1/2026,"),
            new View("/api/meetings/regular-2026-Q1", "leser", "meetingId,title,kind,status,start,end,location,position,"
                    + "agendaItem.agendaItemId,", "regular-2026-Q1,Sitzung Q1/2026,REGULAR,"),
            new View("/api/scheduling-polls/umfrage-1", "leser", "pollId,meetingId,status,tally.rank,tally.candidateId,",
                    "umfrage-1,regular-2026-Q1,"),
            new View("/api/recommendations/empfehlung-1/trace", "leser", "recommendationId,step.kind,step.eventType,",
                    "empfehlung-1,"),
            new View("/api/network-feed", "leser", "id,projectId,sequence,kind,title,", "sprachcafe/1,sprachcafe,1,UPDATED,"),
            new View("/api/network-projects/sprachcafe", "leser", "id,projectId,sequence,kind,title,",
                    "sprachcafe/0,sprachcafe,0,ANNOUNCED,"),
            new View("/api/monitoring/policy-fields/LANGUAGE", "leser", "Handlungsfeld,Indikator,Titel,",
                    "Spracherwerb,SPR-01,Abschlussquote Integrationskurse,"),
            new View("/api/monitoring/indicators/SPR-01", "leser", "Indikator,Titel,Aufschlüsselung,", "SPR-01,"),
            new View("/api/monitoring/measures/massnahme-1", "leser", "measureId,title,recommendationId,verdict,",
                    "massnahme-1,Sprachkurse für Mütter,empfehlung-1,ON_TRACK,"),
            new View("/api/reports/advisory-council?from=2026-01-01&to=2026-12-31", "leser",
                    "section,date,id,title,group,status,note", "meetings.held,2026-03-11,regular-2026-Q1,"),
            new View("/api/dead-letters", "koordinator", "processingGroup,sequence,letters,first.eventId,", null),
            new View("/api/audit/events", "koordinator", "position,timestamp,eventType,", "1,"),
            new View("/api/audit/verification", "koordinator", "verified,intact,", null),
            new View("/api/meetings", "leser", "id,year,quarter,kind,title,status,start,end,location,agendaTopics,",
                    "regular-2026-Q1,2026,1,REGULAR,Sitzung Q1/2026,"),
            new View("/api/deliberations", "leser", "id,status,outcome,recommendationId,meetingId,", "d-1,"),
            new View("/api/deliberations/d-1", "leser", "id,meetingId,agendaItemId,status,originalDraft,draft,",
                    "d-1,regular-2026-Q1,top-1,"),
            new View("/api/monitoring/indicators", "leser", "indicatorId,title,policyField,figureType,unit,",
                    "SPR-01,Abschlussquote Integrationskurse,LANGUAGE,KEY_FIGURE,"),
            new View("/api/monitoring/measures", "leser", "measureId,title,recommendationId,verdict,",
                    "massnahme-1,Sprachkurse für Mütter,empfehlung-1,ON_TRACK,"),
            new View("/api/network-projects", "leser", "id,workingGroup,title,status,policyFields,",
                    "sprachcafe,LANGUAGE,Sprachcafé,RUNNING,LANGUAGE,"),
            new View("/api/recommendations", "leser", "id,status,text,policyFields,year,", "empfehlung-1,"),
            new View("/api/recommendations/empfehlung-1", "leser", "id,text,policyFields,status,year,",
                    "empfehlung-1,Sprachkurse mit Kinderbetreuung anbieten,LANGUAGE,"),
            new View("/api/scheduling-polls", "leser", "pollId,meetingId,status,openedBy,openedAt,",
                    "umfrage-1,regular-2026-Q1,"));

    private static RunningQuerySide side;
    private static Http http;

    @BeforeAll
    static void start() {
        side = RunningQuerySide.start(TestStore.newRecord());
        http = Http.on(Ports.of(side.context()));
        RecordFixture.storeIn(side.eventStore());
        ProblemReportId hostile = new ProblemReportId("meldung-2");
        side.eventStore().publish(new GenericDomainEventMessage<>("ProblemReport", hostile.value(), 0,
                new ProblemReportSubmitted(hostile, HOSTILE_TITLE, "-1 Platz", "Amt 50", Set.of(PolicyField.LANGUAGE),
                        "@anna", Instant.parse("2026-02-01T09:00:00Z")),
                MetaData.with("userId", "anna.amt50"), "hostile-1", Instant.parse("2026-02-01T09:00:00Z")));
        side.awaitCaughtUp();
    }

    @AfterAll
    static void stop() {
        side.close();
    }

    @Test
    void everyViewAnswersJsonByDefaultAndForAWildcard() {
        for (View view : VIEWS) {
            for (Http.Response json : List.of(http.as(view.user()).get(view.path()),
                    http.as(view.user()).header("Accept", "*/*").get(view.path()),
                    http.as(view.user()).get(view.path() + separator(view) + "format=json"))) {
                assertThat(json.status()).as(view.path() + " " + json).isEqualTo(200);
                assertThat(json.header("Content-Type")).as(view.path()).startsWith("application/json");
                assertThat(json.json().isObject()).as(view.path()).isTrue();
            }
        }
    }

    @Test
    void everyViewAnswersCsvByParameterAndByAcceptTheSameTable() throws IOException {
        for (View view : VIEWS) {
            Http.Response byParameter = http.as(view.user()).get(view.path() + separator(view) + "format=csv");
            Http.Response byAccept = http.as(view.user()).header("Accept", "text/csv").get(view.path());

            assertThat(byParameter.status()).as(view.path() + " " + byParameter).isEqualTo(200);
            assertThat(byParameter.header("Content-Type")).as(view.path()).startsWith("text/csv;")
                    .containsIgnoringCase("charset=UTF-8").contains("header=present");
            assertThat(byParameter.header("Content-Disposition")).as(view.path()).startsWith("attachment;").contains(".csv");
            assertThat(byParameter.header("Vary")).as(view.path()).contains("Accept");
            assertThat(byParameter.body()).as(view.path()).startsWith(view.header()).doesNotStartWith("\uFEFF");
            if (view.row() != null) {
                assertThat(byParameter.body()).as(view.path()).contains("\r\n" + view.row());
            }
            List<CSVRecord> records = read(CSVFormat.RFC4180, byParameter.body());
            int columns = records.get(0).size();
            assertThat(records).as(view.path()).allSatisfy(r -> assertThat(r.size()).isEqualTo(columns));
            assertThat(byAccept.status()).as(view.path()).isEqualTo(200);
            if (!view.path().startsWith("/api/audit/verification") && !view.path().startsWith("/api/reports")) {
                // the verification's time and the report's generatedAt differ between two calls; the others do not
                assertThat(byAccept.body()).as(view.path()).isEqualTo(byParameter.body());
            }
        }
    }

    @Test
    void everyViewAnswersTheGermanVariantWithSemicolonsAndAByteOrderMark() throws IOException {
        for (View view : VIEWS) {
            for (Http.Response german : List.of(
                    http.as(view.user()).get(view.path() + separator(view) + "format=csv-semicolon"),
                    http.as(view.user()).header("Accept", "text/csv;sep=semicolon").get(view.path()))) {
                assertThat(german.status()).as(view.path() + " " + german).isEqualTo(200);
                assertThat(german.header("Content-Type")).as(view.path()).startsWith("text/csv;").contains("sep=semicolon");
                assertThat(german.body()).as(view.path()).startsWith("\uFEFF" + view.header().replace(',', ';'));
                List<CSVRecord> records = read(CSVFormat.RFC4180.builder().setDelimiter(';').get(),
                        german.body().substring(1));
                assertThat(records.get(0).get(0)).isEqualTo(view.header().split(",")[0]);
            }
        }
    }

    @Test
    void numbersInTheGermanVariantHaveADecimalComma() {
        assertThat(http.as("leser").get("/api/monitoring/measures/massnahme-1?format=csv-semicolon").body())
                .contains(";61,0;2024;70;2028-12-31;INCREASE;2024;61,0\r\n");
        assertThat(http.as("leser").get("/api/monitoring/measures/massnahme-1?format=csv").body())
                .contains(",61.0,2024,70,2028-12-31,INCREASE,2024,61.0\r\n");
    }

    @Test
    void aTitleThatWouldStartAFormulaIsNeutralisedInEveryCsvThatShowsIt() {
        String neutralised = "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"klick\"\")\"";
        String board = http.as("leser").get("/api/problem-reports?format=csv").body();
        assertThat(board).contains("\r\nmeldung-2," + neutralised + ",\"'-1 Platz\",Amt 50,LANGUAGE,SUBMITTED,\"'@anna\",")
                .doesNotContain("," + HOSTILE_TITLE);
        assertThat(http.as("leser").get("/api/problem-reports/meldung-2?format=csv-semicolon").body())
                .contains("\r\nmeldung-2;" + neutralised + ";\"'-1 Platz\";");
        assertThat(http.as("koordinator").get("/api/audit/aggregates/meldung-2/events?format=csv").body())
                .as("the payload is one JSON cell, which starts with {").contains(",hostile-1,\"{\"\"reportId\"\":")
                .doesNotContain("," + HOSTILE_TITLE);
    }

    @Test
    void aPageOfCsvTellsItsPlaceInTheListInItsHeaders() {
        Http.Response first = http.as("leser").get("/api/problem-reports?format=csv&size=1");

        assertThat(first.header("X-Total-Count")).isEqualTo("2");
        assertThat(first.header("Link")).contains("page=2", "rel=\"next\"", "rel=\"last\"", "format=csv")
                .doesNotContain("rel=\"prev\"");
        assertThat(first.body().split("\r\n")).hasSize(2);
        assertThat(http.as("leser").get("/api/problem-reports?format=csv&size=1&page=2").body()).contains("meldung-1");
    }

    @Test
    void anAcceptThatNoFormatMeetsIsRefusedWith406NamingAcceptInsteadOfAnsweredWithJson() {
        for (View view : VIEWS) {
            Http.Response xml = http.as(view.user()).header("Accept", "application/xml").get(view.path());

            assertThat(xml.status()).as(view.path() + " " + xml).isEqualTo(406);
            assertThat(xml.header("Content-Type")).as(view.path()).startsWith("application/problem+json");
            assertThat(xml.json().get("type").asText()).isEqualTo("urn:gremium:problem:not-acceptable");
            assertThat(xml.json().at("/errors/0/field").asText()).as(view.path()).isEqualTo("Accept");
            assertThat(xml.json().at("/errors/0/reason").asText()).as(view.path()).contains("text/csv");
        }
        assertThat(http.as("leser").header("Accept", "application/json, application/xml").get("/api/members").status())
                .as("JSON among others is still JSON").isEqualTo(200);
    }

    @Test
    void anUnknownFormatIsRefusedWith400NamingFormat() {
        for (View view : VIEWS) {
            Http.Response pdf = http.as(view.user()).get(view.path() + separator(view) + "format=pdf");

            assertThat(pdf.status()).as(view.path() + " " + pdf).isEqualTo(400);
            assertThat(pdf.json().get("type").asText()).isEqualTo("urn:gremium:problem:validation-failed");
            assertThat(pdf.json().at("/errors/0/field").asText()).as(view.path()).isEqualTo("format");
        }
    }

    @Test
    void theJsonKeepsItsETagAndTheCsvSendsNone() {
        Http.Response json = http.as("leser").get("/api/meetings/regular-2026-Q1");
        Http.Response csv = http.as("leser").get("/api/meetings/regular-2026-Q1?format=csv");

        assertThat(json.header("ETag")).isNotNull();
        assertThat(csv.header("ETag")).isNull();
        assertThat(csv.body().split("\r\n")[1]).startsWith("regular-2026-Q1,Sitzung Q1/2026,REGULAR,")
                .contains(",1,top-1,PROJECT_IDEA,idee-1,Sprachcafé,koordinator,");
    }

    @Test
    void theApiDocumentOffersCsvAndTheFormatParameterOnEveryView() {
        // the document is built on the first request, which may take long on a loaded machine
        var paths = await().atMost(Duration.ofMinutes(3)).ignoreExceptions()
                .until(() -> http.anonymous().get("/v3/api-docs"), r -> r.status() == 200).json().get("paths");
        for (String path : List.of("/api/problem-reports", "/api/members", "/api/units", "/api/work-plan/{year}",
                "/api/meetings/{meetingId}", "/api/recommendations/{recommendationId}/trace", "/api/network-feed",
                "/api/dead-letters", "/api/monitoring/measures/{measureId}", "/api/meetings", "/api/recommendations",
                "/api/recommendations/{recommendationId}", "/api/deliberations/{deliberationId}",
                "/api/scheduling-polls", "/api/network-projects", "/api/monitoring/indicators")) {
            var get = paths.get(path).get("get");
            assertThat(get.at("/responses/200/content").has("text/csv")).as(path).isTrue();
            assertThat(get.get("parameters").findValuesAsText("name")).as(path).contains("format");
        }
    }

    private static String separator(View view) {
        return view.path().contains("?") ? "&" : "?";
    }

    private static List<CSVRecord> read(CSVFormat format, String csv) throws IOException {
        return format.parse(new StringReader(csv)).getRecords();
    }
}
