package de.gremium.query.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import de.gremium.events.PolicyField;
import de.gremium.events.network.NetworkProjectAnnounced;
import de.gremium.events.network.NetworkProjectCompleted;
import de.gremium.events.network.NetworkProjectDropped;
import de.gremium.events.network.NetworkProjectId;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkProjectUpdated;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.QuerySideApplication;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query side started on its own: network events appended to the store reach the network feed
 * through its processor; the JSON feed, the project and the Atom feed answer every role that reads.
 */
class NetworkFeedApiTest {

    private static final Instant T0 = Instant.parse("2027-02-03T09:00:00Z");
    private static final String TAG = "tag:gremium.magdeburg.de,2026:network-feed";
    private static ConfigurableApplicationContext context;
    private static Http http;

    @BeforeAll
    static void start() {
        context = QuerySideApplication.start(TestStore.fresh().toArray(String[]::new));
        http = Http.on(Ports.of(context));
        EventStore store = context.getBean(EventStore.class);
        NetworkProjectId cafe = new NetworkProjectId("sprachcafe");
        append(store, cafe, new NetworkProjectAnnounced(cafe, NetworkWorkingGroup.LANGUAGE, "Sprachcafé",
                        "Offenes Sprachcafé im Stadtteil", Set.of(PolicyField.LANGUAGE, PolicyField.NEIGHBOURHOODS),
                        NetworkProjectStatus.PLANNED, LocalDate.parse("2027-03-01"), LocalDate.parse("2027-12-31"),
                        "Frau Schulz", "koordinator", T0),
                new NetworkProjectUpdated(cafe, "Sprachcafé", "Offenes Sprachcafé im Stadtteil",
                        Set.of(PolicyField.LANGUAGE, PolicyField.NEIGHBOURHOODS), NetworkProjectStatus.RUNNING,
                        LocalDate.parse("2027-03-01"), LocalDate.parse("2027-12-31"), "Frau Schulz", "koordinator",
                        T0.plusSeconds(300)),
                new NetworkProjectCompleted(cafe, "42 Teilnehmende", LocalDate.parse("2027-12-20"), "koordinator",
                        T0.plusSeconds(900)));
        NetworkProjectId lotsen = new NetworkProjectId("ausbildungslotsen");
        append(store, lotsen, new NetworkProjectAnnounced(lotsen, NetworkWorkingGroup.WORK_TRAINING, "Ausbildungslotsen",
                "Lotsen begleiten junge Zugewanderte in die Ausbildung", Set.of(PolicyField.EMPLOYMENT, PolicyField.CHILDREN_YOUTH),
                NetworkProjectStatus.RUNNING, LocalDate.parse("2027-01-01"), null, null, "koordinator", T0.plusSeconds(600)));
        NetworkProjectId fest = new NetworkProjectId("interkulturelles-fest");
        append(store, fest, new NetworkProjectAnnounced(fest, NetworkWorkingGroup.INTERCULTURE_SOCIAL, "Interkulturelles Fest",
                        "Fest im Stadtpark", Set.of(PolicyField.CULTURE), NetworkProjectStatus.PLANNED, null, null, null,
                        "koordinator", T0.plusSeconds(100)),
                new NetworkProjectDropped(fest, "keine Genehmigung", "koordinator", T0.plusSeconds(1200)));
    }

    private static void append(EventStore store, NetworkProjectId project, Object... events) {
        for (int sequence = 0; sequence < events.length; sequence++) {
            store.publish(new GenericDomainEventMessage<>("NetworkProject", project.value(), sequence, events[sequence]));
        }
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    /** Waits until the processor has handled all six events. */
    private static JsonNode awaitFeed(String user, String query) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> http.as(user).get("/api/network-feed" + query),
                r -> r.status() == 200 && r.json().at("/pagination/totalElements").asInt() > 0
                        && (!query.isEmpty() || r.json().at("/pagination/totalElements").asInt() == 6)).json();
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("data").spliterator(), false).map(e -> e.get("id").asText()).toList();
    }

    private static String atom(String query) {
        awaitFeed("leser", "");
        Http.Response response = http.as("leser").get("/api/network-feed.atom" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualToIgnoringCase("application/atom+xml;charset=UTF-8");
        return response.body();
    }

    private static Feed atomFeed(String query) throws Exception {
        return (Feed) new WireFeedInput().build(new StringReader(atom(query)));
    }

    @Test
    void theFeedIsAHistoryNewestFirstPagedLikeOParl() {
        JsonNode page = awaitFeed("leser", "");
        assertThat(ids(page)).containsExactly("interkulturelles-fest/1", "sprachcafe/2", "ausbildungslotsen/0",
                "sprachcafe/1", "interkulturelles-fest/0", "sprachcafe/0");
        assertThat(page.at("/data/0/title").asText()).isEqualTo("AG Interkultur und Soziales: Interkulturelles Fest – eingestellt");
        assertThat(page.at("/data/1/title").asText()).isEqualTo("AG Sprache: Sprachcafé – abgeschlossen");
        assertThat(page.at("/data/3/title").asText()).isEqualTo("AG Sprache: Sprachcafé – aktualisiert");
        assertThat(page.at("/data/3/changes/0/field").asText()).isEqualTo("status");
        assertThat(page.at("/data/5/title").asText()).isEqualTo("AG Sprache: Sprachcafé – neu");

        JsonNode second = http.as("anna.amt50").get("/api/network-feed?page=2&size=4").json();
        assertThat(ids(second)).containsExactly("interkulturelles-fest/0", "sprachcafe/0");
        assertThat(second.at("/pagination/totalPages").asInt()).isEqualTo(2);
        assertThat(second.at("/links/prev").asText()).contains("page=1");
    }

    @Test
    void theFeedFiltersByWorkingGroupAndPolicyField() {
        awaitFeed("leser", "");
        assertThat(ids(http.as("leser").get("/api/network-feed?workingGroup=LANGUAGE").json()))
                .containsExactly("sprachcafe/2", "sprachcafe/1", "sprachcafe/0");
        assertThat(ids(http.as("leser").get("/api/network-feed?policyField=EMPLOYMENT").json()))
                .containsExactly("ausbildungslotsen/0");
        assertThat(ids(http.as("leser").get("/api/network-feed?workingGroup=LANGUAGE&policyField=CULTURE").json())).isEmpty();
        assertThat(http.as("leser").get("/api/network-feed?workingGroup=AG_SPORT").status()).isEqualTo(400);
        assertThat(http.as("leser").get("/api/network-feed?size=500").status()).isEqualTo(400);
    }

    @Test
    void aProjectShowsItsCurrentStateAndHistoryWithItsVersionAsETag() {
        awaitFeed("leser", "");
        Http.Response project = http.as("buero.ob").get("/api/network-projects/sprachcafe");

        assertThat(project.status()).isEqualTo(200);
        assertThat(project.header("ETag")).isEqualTo("\"2\"");
        JsonNode json = project.json();
        assertThat(json.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(json.at("/completion/summary").asText()).isEqualTo("42 Teilnehmende");
        assertThat(json.at("/startDate").asText()).isEqualTo("2027-03-01");
        assertThat(StreamSupport.stream(json.get("history").spliterator(), false).map(e -> e.get("kind").asText()))
                .containsExactly("ANNOUNCED", "UPDATED", "COMPLETED");
        assertThat(http.as("leser").get("/api/network-projects/unbekannt").status()).isEqualTo(404);
    }

    @Test
    void theAtomFeedParsesBackWithItsIdsTitlesAndOrder() throws Exception {
        Feed feed = atomFeed("");

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isEqualTo(TAG);
        assertThat(feed.getTitle()).isEqualTo("Netzwerk für Integrations- und Ausländerarbeit – Projekte");
        assertThat(feed.getUpdated()).isEqualTo(Date.from(T0.plusSeconds(1200)));
        assertThat(feed.getAuthors()).extracting(a -> a.getName())
                .containsExactly("Koordinator für Integration und Zuwanderung, Landeshauptstadt Magdeburg");
        List<Entry> entries = feed.getEntries();
        assertThat(entries).extracting(Entry::getId).containsExactly(TAG + "/interkulturelles-fest/1",
                TAG + "/sprachcafe/2", TAG + "/ausbildungslotsen/0", TAG + "/sprachcafe/1",
                TAG + "/interkulturelles-fest/0", TAG + "/sprachcafe/0");
        assertThat(entries).extracting(Entry::getTitle).startsWith("AG Interkultur und Soziales: Interkulturelles Fest – eingestellt",
                "AG Sprache: Sprachcafé – abgeschlossen", "AG Arbeit und Ausbildung: Ausbildungslotsen – neu",
                "AG Sprache: Sprachcafé – aktualisiert");
        Entry update = entries.get(3);
        assertThat(update.getUpdated()).isEqualTo(Date.from(T0.plusSeconds(300)));
        assertThat(update.getAuthors()).extracting(a -> a.getName()).containsExactly("koordinator");
        assertThat(update.getSummary().getValue()).isEqualTo("Geändert: Status geplant → laufend.");
        assertThat(update.getContents().get(0).getValue()).contains("Arbeitsgruppe: AG Sprache", "Status: laufend",
                "Zeitraum: 01.03.2027 – 31.12.2027", "Kontakt: Frau Schulz");
        assertThat(entries.get(1).getSummary().getValue()).isEqualTo("Abgeschlossen am 20.12.2027: 42 Teilnehmende");
        assertThat(entries.get(0).getSummary().getValue()).isEqualTo("Eingestellt: keine Genehmigung");
        assertThat(update.getAlternateLinks().get(0).getHref()).endsWith("/api/network-projects/sprachcafe");
    }

    @Test
    void everyAtomEntryIsCategorisedByWorkingGroupPolicyFieldsAndStatus() throws Exception {
        Entry cafe = atomFeed("").getEntries().get(5);

        assertThat(cafe.getCategories()).extracting(Category::getScheme, Category::getTerm, Category::getLabel).containsExactly(
                tuple(TAG.replace("network-feed", "network-working-group"), "LANGUAGE", "AG Sprache"),
                tuple(TAG.replace("network-feed", "policy-field"), "LANGUAGE", "Spracherwerb"),
                tuple(TAG.replace("network-feed", "policy-field"), "NEIGHBOURHOODS",
                        "Integration in den Stadtteilen (Wohnen, Zusammenleben)"),
                tuple(TAG.replace("network-feed", "network-project-status"), "PLANNED", "geplant"));
    }

    @Test
    void theAtomFeedTakesTheSameFiltersAndIsAFeedOfItsOwnForEach() throws Exception {
        Feed language = atomFeed("?workingGroup=LANGUAGE");
        assertThat(language.getId()).isEqualTo(TAG + "?workingGroup=LANGUAGE");
        assertThat(language.getEntries()).extracting(Entry::getId)
                .containsExactly(TAG + "/sprachcafe/2", TAG + "/sprachcafe/1", TAG + "/sprachcafe/0");
        assertThat(language.getUpdated()).isEqualTo(Date.from(T0.plusSeconds(900)));

        Feed both = atomFeed("?workingGroup=WORK_TRAINING&policyField=CHILDREN_YOUTH");
        assertThat(both.getId()).isEqualTo(TAG + "?workingGroup=WORK_TRAINING&policyField=CHILDREN_YOUTH");
        assertThat(both.getEntries()).extracting(Entry::getId).containsExactly(TAG + "/ausbildungslotsen/0");

        Feed none = atomFeed("?policyField=SPORT");
        assertThat(none.getEntries()).isEmpty();
        assertThat(none.getUpdated()).isEqualTo(Date.from(Instant.EPOCH));
    }

    @Test
    void aFeedReaderSeesTheSameEntriesThroughRomesSyndicationModel() throws Exception {
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom("?policyField=CULTURE")));

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getUri()).isEqualTo(TAG + "?policyField=CULTURE");
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri)
                .containsExactly(TAG + "/interkulturelles-fest/1", TAG + "/interkulturelles-fest/0");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly(
                "AG Interkultur und Soziales: Interkulturelles Fest – eingestellt",
                "AG Interkultur und Soziales: Interkulturelles Fest – neu");
        assertThat(feed.getEntries().get(1).getCategories()).extracting(SyndCategory::getName)
                .containsExactly("INTERCULTURE_SOCIAL", "CULTURE", "PLANNED");
    }

    @Test
    void anUnchangedAtomFeedIsNotSentAgain() {
        atom("");
        Http.Response first = http.as("leser").get("/api/network-feed.atom");
        assertThat(http.as("leser").header("If-None-Match", first.header("ETag")).get("/api/network-feed.atom").status())
                .isEqualTo(304);
    }

    @Test
    void everyRoleReadsAndNobodyElse() {
        awaitFeed("leser", "");
        for (String user : List.of("koordinator", "anna.amt50", "buero.ob", "leser")) {
            for (String path : List.of("/api/network-feed", "/api/network-feed.atom", "/api/network-projects/sprachcafe")) {
                assertThat(http.as(user).get(path).status()).as(user + " " + path).isEqualTo(200);
            }
        }
        for (String path : List.of("/api/network-feed", "/api/network-feed.atom", "/api/network-projects/sprachcafe")) {
            assertThat(http.anonymous().get(path).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void theFeedHasAProcessingGroupOfItsOwn() {
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        assertThat(processing.eventProcessorByProcessingGroup(NetworkFeedProjection.GROUP)).isPresent();
    }

    @Test
    void theApiDocumentDescribesTheAtomFeed() {
        JsonNode paths = http.anonymous().get("/v3/api-docs").json().get("paths");
        assertThat(paths.at("/~1api~1network-feed.atom/get/description").asText()).contains("RFC 4287", "tag:");
        assertThat(paths.at("/~1api~1network-feed.atom/get/responses/200/content").has("application/atom+xml")).isTrue();
    }
}
