package de.gremium.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.problem.SolutionProposalId;
import de.gremium.events.problem.SolutionProposed;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.RecordFixture;
import de.gremium.query.RunningQuerySide;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query side started on a record: the search finds reports, ideas, recommendations, drafts, minutes and network
 * projects through the API for every role that reads, refuses bad input naming the parameter, says 503 while its
 * index is not complete, and finds the same after a rebuild and on a second query side.
 */
class SearchApiTest {

    private static final Instant T0 = Instant.parse("2026-04-06T09:00:00Z");
    /** Queries whose answers must not change with a rebuild; each finds something. */
    private static final List<String> QUERIES = List.of("q=Sprachkurse", "q=Buero", "q=Strasse", "q=Sprachcafe",
            "q=Dolmetscher", "q=Kinderbetreuung&kind=recommendation", "q=%22offenes+Sprachcaf%C3%A9%22", "q=Platze&year=2026");
    private static final Duration BUILT = Duration.ofSeconds(90);

    private static String database;
    private static RunningQuerySide side;
    private static Http http;

    @BeforeAll
    static void start() {
        database = TestStore.newRecord();
        side = RunningQuerySide.start(database);
        http = Http.on(Ports.of(side.context()));
        EventStore store = side.eventStore();
        RecordFixture.storeIn(store);
        ProblemReportId report = new ProblemReportId("meldung-buero");
        append(store, "ProblemReport", report.value(),
                new ProblemReportSubmitted(report, "Wartezeiten im Bürgerbüro", "Das Büro in der Breiten Straße ist "
                        + "überlastet; Termine gibt es erst nach acht Wochen.", "Amt 50", Set.of(PolicyField.SOCIAL_CARE),
                        "anna.amt50", T0),
                new SolutionProposed(report, new SolutionProposalId("v-1"), "Dolmetscher per Video zuschalten.",
                        "jonas.fb32", T0.plusSeconds(60)));
        MeetingId meeting = new MeetingId("regular-2026-Q2");
        append(store, "Meeting", meeting.value(),
                new MeetingPlanned(meeting, 2026, 2, MeetingKind.REGULAR, "Sitzung Q2/2026", 60, "koordinator", T0),
                new MeetingHeld(meeting, List.of(), List.of(), "Die Gruppe bespricht, wie die Stadt Dolmetscher gewinnt.",
                        List.of(), "koordinator", T0.plusSeconds(3600)));
        DeliberationId deliberation = new DeliberationId("d-2");
        append(store, "Deliberation", deliberation.value(), new DraftRecommendationPut(deliberation, meeting,
                new AgendaItemId("top-9"), "Die Stadt stellt Dolmetscher für die Bürgerbüros ein.", Set.of(PolicyField.SOCIAL_CARE),
                List.of(), List.of(), List.of(), List.of(), "koordinator", T0.plusSeconds(4000)));
        awaitHits(http, "q=Dolmetscher");
    }

    @AfterAll
    static void stop() {
        side.close();
    }

    private static void append(EventStore store, String type, String aggregate, Object... events) {
        for (int sequence = 0; sequence < events.length; sequence++) {
            store.publish(new GenericDomainEventMessage<>(type, aggregate, sequence, events[sequence]));
        }
    }

    /** Waits until the search answers 200 with at least one hit. */
    private static JsonNode awaitHits(Http on, String query) {
        return await().atMost(BUILT).until(() -> on.as("leser").get("/api/search?" + query),
                r -> r.status() == 200 && r.json().at("/pagination/totalElements").asInt() > 0).json();
    }

    private static List<String> keys(JsonNode page) {
        return StreamSupport.stream(page.get("data").spliterator(), false)
                .map(h -> h.get("kind").asText() + "/" + h.get("id").asText()).toList();
    }

    /** Every hit of every query of {@link #QUERIES}, without its score. */
    private static Map<String, List<String>> answers(Http on) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (String query : QUERIES) {
            List<String> hits = new ArrayList<>();
            awaitHits(on, query).get("data").forEach(h -> hits.add(h.get("kind").asText() + "|" + h.get("id").asText() + "|"
                    + h.get("title").asText() + "|" + h.get("link").asText() + "|" + h.path("snippet").asText()));
            answers.put(query, hits);
        }
        return answers;
    }

    private static StreamingEventProcessor searchProcessor(RunningQuerySide on) {
        return on.context().getBean(EventProcessingConfiguration.class)
                .eventProcessor(SearchProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void everyKindIsFoundWithItsLinkAndTheMatchedPassage() {
        JsonNode page = http.as("leser").get("/api/search?" + q("Dolmetscher")).json();

        assertThat(keys(page)).containsExactlyInAnyOrder("report/meldung-buero", "minutes/regular-2026-Q2", "draft/d-2");
        assertThat(keys(http.as("leser").get("/api/search?" + q("Sprachkurse")).json())).contains("recommendation/empfehlung-1");
        assertThat(keys(http.as("leser").get("/api/search?" + q("Sprachcafe")).json()))
                .containsExactlyInAnyOrder("idea/idee-1", "network-project/sprachcafe");
        JsonNode report = http.as("leser").get("/api/search?" + q("Buero") + "&kind=report").json().at("/data/0");
        assertThat(report.get("title").asText()).isEqualTo("Wartezeiten im Bürgerbüro");
        assertThat(report.get("link").asText()).isEqualTo("/api/problem-reports/meldung-buero");
        assertThat(report.get("snippet").asText()).contains("Das <mark>Büro</mark> in der Breiten Straße");
        assertThat(report.get("score").asDouble()).isPositive();
        assertThat(report.get("year").asInt()).isEqualTo(2026);
        assertThat(report.at("/policyFields/0").asText()).isEqualTo("SOCIAL_CARE");
        assertThat(http.as("leser").get(report.get("link").asText()).status()).isEqualTo(200);
        JsonNode idea = http.as("leser").get("/api/search?" + q("Sprachcafe") + "&kind=idea").json().at("/data/0");
        assertThat(idea.get("snippet").asText()).as("an idea without a description shows its title").isEqualTo("<mark>Sprachcafé</mark>");
    }

    @Test
    void theAnswerIsAPageInTheListsShape() {
        JsonNode page = http.as("leser").get("/api/search?" + q("Sprachcafe") + "&size=1&page=2").json();

        assertThat(page.get("data")).hasSize(1);
        assertThat(page.at("/pagination/totalElements").asInt()).isEqualTo(2);
        assertThat(page.at("/pagination/currentPage").asInt()).isEqualTo(2);
        assertThat(page.at("/links/prev").asText()).contains("page=1").contains("q=Sprachcafe");
        assertThat(page.at("/links/next").isMissingNode()).isTrue();
    }

    @Test
    void theHitsComeAsCsvToo() {
        Http.Response csv = http.as("leser").get("/api/search?" + q("Buero") + "&kind=report&format=csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("kind,id,title,link,score,snippet,policyFields,year\r\n")
                .contains("meldung-buero,Wartezeiten im Bürgerbüro,/api/problem-reports/meldung-buero,");
        assertThat(http.as("leser").header("Accept", "application/xml").get("/api/search?" + q("Buero")).status())
                .as("a format the search cannot send").isEqualTo(406);
    }

    @Test
    void filtersByKindPolicyFieldAndYear() {
        assertThat(keys(http.as("leser").get("/api/search?" + q("Dolmetscher") + "&kind=minutes&kind=draft").json()))
                .containsExactlyInAnyOrder("minutes/regular-2026-Q2", "draft/d-2");
        assertThat(keys(http.as("leser").get("/api/search?" + q("Dolmetscher") + "&policyField=SOCIAL_CARE").json()))
                .containsExactlyInAnyOrder("report/meldung-buero", "draft/d-2");
        assertThat(keys(http.as("leser").get("/api/search?" + q("Dolmetscher") + "&year=2025").json())).isEmpty();
    }

    @Test
    void everyRoleThatReadsTheViewsFindsEveryKindAndOthersAreTurnedAway() {
        List<String> all = keys(http.as("leser").get("/api/search?" + q("Dolmetscher")).json());
        for (String user : new String[] {"anna.amt50", "koordinator", "buero.ob"}) {
            assertThat(keys(http.as(user).get("/api/search?" + q("Dolmetscher")).json())).as(user).isEqualTo(all);
        }
        Http.Response anonymous = http.anonymous().get("/api/search?" + q("Dolmetscher"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("Dolmetscher");
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("/api/search", "q");
        refused.put("/api/search?q=", "q");
        refused.put("/api/search?q=+++", "q");
        refused.put("/api/search?" + q("ä".repeat(SearchText.MAX_LENGTH + 1)), "q");
        refused.put("/api/search?q=Kurs&kind=protocol", "kind");
        refused.put("/api/search?q=Kurs&policyField=COOKING", "policyField");
        refused.put("/api/search?q=Kurs&year=3000", "year");
        refused.put("/api/search?q=Kurs&year=zwanzig", "year");
        refused.put("/api/search?q=Kurs&size=101", "size");
        refused.put("/api/search?q=Kurs&page=0", "page");
        refused.forEach((path, field) -> {
            Http.Response response = http.as("leser").get(path);
            assertThat(response.status()).as(path + ": " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(response.json().at("/errors/0/field").asText()).as(path).isEqualTo(field);
        });
    }

    @Test
    void whatUsersTypeNeverBreaksTheSearch() {
        for (String text : new String[] {"\"", "\"Sprachcafé", "(", "[Kita", "{", "*", "?", "~2", "^", "\\", "/", "+-|&!:",
                "title:Kita", "NOT AND OR", "<script>alert(1)</script>", "' OR 1=1 --", "😀", "und"}) {
            Http.Response response = http.as("leser").get("/api/search?" + q(text));
            assertThat(response.status()).as(text + ": " + response).isEqualTo(200);
        }
        assertThat(keys(http.as("leser").get("/api/search?" + q("\"Sprachcafé")).json()))
                .containsExactlyInAnyOrder("idea/idee-1", "network-project/sprachcafe");
    }

    @Test
    void aRebuildAnswersTheSameAndUntilItIsDoneTheSearchSaysSo() throws Exception {
        Map<String, List<String>> before = answers(http);
        StreamingEventProcessor processor = searchProcessor(side);

        processor.shutDown();
        Http.Response building = http.as("leser").get("/api/search?" + q("Dolmetscher"));
        assertThat(building.status()).as(building.toString()).isEqualTo(503);
        assertThat(building.header("Retry-After")).isEqualTo("5");
        assertThat(building.json().get("type").asText()).isEqualTo("urn:gremium:problem:store-unavailable");
        processor.resetTokens();
        processor.start();

        assertThat(answers(http)).isEqualTo(before);
    }

    @Test
    void aSecondQuerySideBuildsItsOwnCompleteIndexFromTheRecord() {
        Map<String, List<String>> first = answers(http);
        try (RunningQuerySide second = RunningQuerySide.start(database)) {
            assertThat(answers(Http.on(Ports.of(second.context())))).isEqualTo(first);
        }
    }
}
