package de.gremium.query.oparl;

import static de.gremium.query.oparl.OParlStory.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.gremium.platform.testing.Http;
import de.gremium.platform.testing.Ports;
import de.gremium.platform.testing.TestStore;
import de.gremium.query.QuerySideApplication;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The OParl 1.1 interface with its default settings, on the events of {@link OParlStory}: every object against the
 * standard's schemas, and the rules of the specification (paging, filters, omit_internal, deleted objects,
 * created and modified), persons as the data-protection default allows, and who may read it.
 */
class OParlApiTest {

    static final String ROOT = "/oparl/v1.1";
    static final String LISTS = ROOT + "/body/magdeburg/";
    private static ConfigurableApplicationContext context;
    private static Http http;
    private static String base;

    @BeforeAll
    static void start() {
        context = QuerySideApplication.start(TestStore.fresh().toArray(String[]::new));
        base = "http://127.0.0.1:" + Ports.of(context);
        http = Http.on(Ports.of(context));
        OParlStory.storeIn(context.getBean(EventStore.class));
        // the story's last event: the withdrawal ends Anna's membership
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/oparl/v1.1/person/anna.amt50").toString().contains("endDate"));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    static JsonNode get(String path) {
        Http.Response response = http.as("leser").get(path.startsWith(base) ? path.substring(base.length()) : path);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response.json();
    }

    static String time(int minute) {
        return URLEncoder.encode(OParlPaths.dateTime(at(minute)), StandardCharsets.UTF_8);
    }

    /** Every object of a list, page by page along links.next, checking each page's shape. */
    static List<JsonNode> all(String firstPage) {
        List<JsonNode> objects = new ArrayList<>();
        String page = firstPage;
        for (int pages = 0; page != null; pages++) {
            assertThat(pages).as("pages of " + firstPage).isLessThan(50);
            JsonNode list = get(page);
            assertThat(OParlSchemas.problems("ListPage", list)).as(page).isEmpty();
            list.get("data").forEach(objects::add);
            int current = list.at("/pagination/currentPage").asInt();
            int last = list.at("/pagination/totalPages").asInt();
            assertThat(list.at("/links/next").isMissingNode()).as("links.next on " + page).isEqualTo(current == last);
            page = list.at("/links/next").isMissingNode() ? null : list.at("/links/next").asText();
        }
        return objects;
    }

    static List<String> ids(List<JsonNode> objects) {
        return objects.stream().map(o -> o.get("id").asText().substring((base + ROOT + "/").length())).toList();
    }

    @Test
    void everyObjectReachableFromTheSystemMatchesTheOParlSchemaOfItsTypeInTheListAndAtItsOwnUrl() {
        JsonNode system = get(ROOT + "/system");
        assertThat(OParlSchemas.problems("System", system)).isEmpty();
        assertThat(system.get("id").asText()).isEqualTo(base + ROOT + "/system");
        List<JsonNode> bodies = all(system.get("body").asText());
        assertThat(bodies).hasSize(1);
        JsonNode body = bodies.get(0);
        assertThat(get(body.get("id").asText())).isEqualTo(body);
        List<String> types = new ArrayList<>();
        for (String list : List.of("organization", "person", "membership", "meeting", "agendaItem", "paper", "consultation",
                "legislativeTermList")) {
            for (JsonNode object : all(body.get(list).asText() + "?modified_since=" + time(0))) {
                String definition = OParlSchemas.definitionOf(object);
                types.add(definition);
                assertThat(OParlSchemas.problems(definition, object)).as(object.toString()).isEmpty();
                assertThat(get(object.get("id").asText())).as("the object at its own URL").isEqualTo(object);
            }
        }
        assertThat(OParlSchemas.problems("Body", body)).isEmpty();
        assertThat(types).contains("Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper", "Consultation",
                "LegislativeTerm", "Deleted");
        JsonNode meeting = get(ROOT + "/meeting/" + OParlStory.HELD);
        assertThat(OParlSchemas.problems("File", meeting.get("resultsProtocol"))).isEmpty();
        assertThat(OParlSchemas.problems("Location", meeting.get("location"))).isEmpty();
        assertThat(get(meeting.at("/resultsProtocol/id").asText())).isEqualTo(meeting.get("resultsProtocol"));
        Http.Response minutes = http.as("leser").get(meeting.at("/resultsProtocol/accessUrl").asText().substring(base.length()));
        assertThat(minutes.status()).isEqualTo(200);
        assertThat(minutes.body()).isEqualTo("Die Gruppe berät das Sprachcafé.");
    }

    @Test
    void theGroupIsAGremiumOfTheBodyAndItsUnitsBelongToTheirDepartments() {
        List<JsonNode> organizations = all(LISTS + "organization");
        // all made by the constitution: in the order of their ids
        assertThat(ids(organizations)).containsExactly("organization/department-bereich-ob",
                "organization/department-dezernat-v", "organization/gremium", "organization/unit-amt-50",
                "organization/unit-amt-51", "organization/unit-buero-ob");
        JsonNode group = organizations.get(2);
        assertThat(group.get("organizationType").asText()).isEqualTo("Gremium");
        assertThat(group.get("name").asText()).isEqualTo("Projektgruppe Integration");
        assertThat(organizations.get(3).get("subOrganizationOf").asText()).isEqualTo(organizations.get(1).get("id").asText());
        assertThat(organizations.get(3).get("classification").asText()).isEqualTo("Organisationseinheit");
        JsonNode body = get(ROOT + "/body/magdeburg");
        assertThat(body.get("mainOrganization").asText()).isEqualTo(group.get("id").asText());
        assertThat(body.at("/legislativeTerm/0/startDate").asText()).isEqualTo("2026-03-02");
    }

    @Test
    void aMeetingShowsItsStateDatesParticipantsAgendaInOrderAndTheConsensusOfAnItem() {
        JsonNode meeting = get(ROOT + "/meeting/" + OParlStory.HELD);
        assertThat(meeting.get("meetingState").asText()).isEqualTo("durchgeführt");
        assertThat(meeting.get("cancelled").asBoolean()).isFalse();
        assertThat(meeting.get("start").asText()).isEqualTo("2026-03-11T13:00:00+01:00");
        assertThat(meeting.get("end").asText()).isEqualTo("2026-03-11T14:00:00+01:00");
        assertThat(meeting.at("/location/description").asText()).isEqualTo("Altes Rathaus");
        assertThat(meeting.get("participant")).extracting(JsonNode::asText).containsExactly(
                base + ROOT + "/person/anna.amt50", base + ROOT + "/person/jonas.amt51");
        JsonNode agenda = meeting.get("agendaItem");
        assertThat(agenda).extracting(i -> i.get("name").asText()).containsExactly("Bericht der Koordination", "Sprachcafé");
        assertThat(agenda).extracting(i -> i.get("order").asInt()).containsExactly(1, 2);
        assertThat(agenda).extracting(i -> i.get("number").asText()).containsExactly("1", "2");
        JsonNode cafe = agenda.get(1);
        assertThat(cafe.get("result").asText()).isEqualTo("Konsens: Empfehlung an den Oberbürgermeister");
        assertThat(cafe.get("resolutionText").asText()).isEqualTo("Ein Sprachcafé im Stadtteil einrichten");
        JsonNode consultation = get(cafe.get("consultation").asText());
        assertThat(consultation.get("agendaItem").asText()).isEqualTo(cafe.get("id").asText());
        JsonNode paper = get(consultation.get("paper").asText());
        assertThat(paper.get("paperType").asText()).isEqualTo("Empfehlung an den Oberbürgermeister");
        assertThat(paper.get("consultation")).hasSize(1);
        assertThat(paper.at("/consultation/0")).isEqualTo(consultation);
        assertThat(paper.get("relatedPaper")).extracting(JsonNode::asText).containsExactly(base + ROOT + "/paper/idea-sprachcafe");

        JsonNode cancelled = get(ROOT + "/meeting/" + OParlStory.CANCELLED);
        assertThat(cancelled.get("cancelled").asBoolean()).isTrue();
        assertThat(cancelled.get("meetingState").asText()).isEqualTo("abgesagt");
    }

    @Test
    void createdAndModifiedAreTheTimesOfTheFirstAndLastChangeAlsoOfEmbeddedObjectsAndAnEmbeddedChangeModifiesItsParent() {
        JsonNode meeting = get(ROOT + "/meeting/" + OParlStory.HELD);
        assertThat(meeting.get("created").asText()).isEqualTo(OParlPaths.dateTime(at(4)));
        // the consensus on one of its items (minute 16) is the meeting's last change
        assertThat(meeting.get("modified").asText()).isEqualTo(OParlPaths.dateTime(at(16)));
        JsonNode report = meeting.at("/agendaItem/0");
        assertThat(report.get("created").asText()).isEqualTo(OParlPaths.dateTime(at(12)));
        assertThat(report.get("modified").asText()).isEqualTo(OParlPaths.dateTime(at(12)));
        JsonNode cafe = meeting.at("/agendaItem/1");
        assertThat(cafe.get("created").asText()).isEqualTo(OParlPaths.dateTime(at(9)));
        assertThat(cafe.get("modified").asText()).isEqualTo(OParlPaths.dateTime(at(16)));
        assertThat(meeting.at("/resultsProtocol/created").asText()).isEqualTo(OParlPaths.dateTime(at(15)));
        JsonNode anna = get(ROOT + "/person/anna.amt50");
        assertThat(anna.get("modified").asText()).isEqualTo(OParlPaths.dateTime(at(21)));
        assertThat(anna.at("/membership/0/modified").asText()).isEqualTo(OParlPaths.dateTime(at(21)));
        assertThat(anna.at("/membership/0/created").asText()).isEqualTo(OParlPaths.dateTime(at(1)));
    }

    @Test
    void listsArePagedWithNextOnEveryPageButTheLastInAStableOrderAndKeepTheirFiltersInEveryLink() {
        List<JsonNode> unpaged = all(LISTS + "meeting");
        assertThat(ids(unpaged)).containsExactly("meeting/" + OParlStory.HELD, "meeting/" + OParlStory.PLANNED,
                "meeting/" + OParlStory.CANCELLED);
        assertThat(ids(all(LISTS + "meeting?limit=1"))).isEqualTo(ids(unpaged));
        assertThat(ids(all(LISTS + "meeting?limit=2"))).isEqualTo(ids(unpaged));

        String filters = "created_since=" + time(4) + "&omit_internal=true";
        JsonNode first = get(LISTS + "meeting?" + filters + "&limit=1");
        assertThat(first.at("/pagination/totalElements").asInt()).isEqualTo(3);
        assertThat(first.at("/links/prev").isMissingNode()).isTrue();
        for (String link : List.of("first", "self", "next", "last")) {
            assertThat(first.at("/links/" + link).asText()).as(link).startsWith(base + LISTS + "meeting?" + filters + "&limit=1&page=");
        }
        JsonNode last = get(first.at("/links/last").asText());
        assertThat(last.at("/links/next").isMissingNode()).isTrue();
        assertThat(last.at("/links/prev").asText()).endsWith("&page=2");
        assertThat(last.at("/data/0/agendaItem").isMissingNode()).as("omit_internal kept").isTrue();

        List<JsonNode> sorted = new ArrayList<>(all(LISTS + "organization?limit=4"));
        assertThat(sorted).isSortedAccordingTo(Comparator.<JsonNode, String>comparing(o -> o.get("created").asText())
                .thenComparing(o -> o.get("id").asText()));
    }

    @Test
    void theDateFiltersSelectByCreatedAndByModifiedInclusively() {
        assertThat(ids(all(LISTS + "meeting?created_since=" + time(5)))).containsExactly("meeting/" + OParlStory.PLANNED,
                "meeting/" + OParlStory.CANCELLED);
        assertThat(ids(all(LISTS + "meeting?created_until=" + time(4)))).containsExactly("meeting/" + OParlStory.HELD);
        assertThat(ids(all(LISTS + "meeting?created_since=" + time(5) + "&created_until=" + time(5))))
                .containsExactly("meeting/" + OParlStory.PLANNED);
        assertThat(ids(all(LISTS + "meeting?modified_since=" + time(20)))).containsExactly("meeting/" + OParlStory.CANCELLED);
        assertThat(ids(all(LISTS + "meeting?modified_until=" + time(15)))).containsExactly("meeting/" + OParlStory.PLANNED);
        // an instant in UTC names the same time
        assertThat(ids(all(LISTS + "meeting?modified_since=2026-03-02T09%3A20%3A00Z"))).containsExactly(
                "meeting/" + OParlStory.CANCELLED);
    }

    @Test
    void omitInternalLeavesOutTheEmbeddedListsButNotTheEmbeddedFiles() {
        JsonNode meeting = get(ROOT + "/meeting/" + OParlStory.HELD + "?omit_internal=true");
        assertThat(meeting.has("agendaItem")).isFalse();
        assertThat(meeting.has("resultsProtocol")).isTrue();
        assertThat(get(ROOT + "/person/anna.amt50?omit_internal=true").has("membership")).isFalse();
        assertThat(get(ROOT + "/body/magdeburg?omit_internal=true").has("legislativeTerm")).isFalse();
        assertThat(all(LISTS + "meeting?omit_internal=true")).allSatisfy(m -> assertThat(m.has("agendaItem")).isFalse());
        assertThat(get(ROOT + "/meeting/" + OParlStory.HELD).get("agendaItem")).hasSize(2);
    }

    @Test
    void deletedObjectsAreListedOnlyWhenModifiedSinceIsGivenWithIdTypeCreatedAndModified() {
        assertThat(ids(all(LISTS + "agendaitem"))).containsExactly("agendaitem/top-cafe", "agendaitem/top-report");
        List<JsonNode> changed = all(LISTS + "agendaitem?modified_since=" + time(13));
        assertThat(ids(changed)).containsExactly("agendaitem/top-cafe", "agendaitem/top-misc");
        JsonNode removed = changed.get(1);
        assertThat(removed.get("deleted").asBoolean()).isTrue();
        assertThat(removed.get("type").asText()).isEqualTo("https://schema.oparl.org/1.1/AgendaItem");
        assertThat(removed.get("created").asText()).isEqualTo(OParlPaths.dateTime(at(11)));
        assertThat(removed.get("modified").asText()).isEqualTo(OParlPaths.dateTime(at(13)));
        assertThat(removed.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("id", "type", "created", "modified", "deleted");
        assertThat(get(removed.get("id").asText())).isEqualTo(removed);

        assertThat(ids(all(LISTS + "paper"))).containsExactly("paper/idea-sprachcafe", "paper/recommendation-empfehlung-1");
        assertThat(ids(all(LISTS + "paper?modified_since=" + time(18)))).containsExactly("paper/idea-nachtcafe");
        assertThat(get(ROOT + "/meeting/" + OParlStory.HELD).get("agendaItem").toString()).doesNotContain("top-misc");
    }

    @Test
    void personsShowNameAndMembershipsWithRoleUnitStartAndEndButNoContactData() {
        List<JsonNode> persons = all(LISTS + "person");
        assertThat(ids(persons)).containsExactly("person/anna.amt50", "person/jonas.amt51");
        JsonNode anna = persons.get(0);
        assertThat(anna.get("name").asText()).isEqualTo("Anna Becker");
        assertThat(anna.has("email")).isFalse();
        assertThat(anna.has("phone")).isFalse();
        assertThat(anna.has("location")).isFalse();
        JsonNode membership = anna.at("/membership/0");
        assertThat(membership.get("role").asText()).isEqualTo("Mitglied");
        assertThat(membership.get("organization").asText()).isEqualTo(base + ROOT + "/organization/gremium");
        assertThat(membership.get("onBehalfOf").asText()).isEqualTo(base + ROOT + "/organization/unit-amt-50");
        assertThat(membership.get("startDate").asText()).isEqualTo("2026-03-02");
        assertThat(membership.get("endDate").asText()).isEqualTo("2026-03-02");
        assertThat(persons.get(1).at("/membership/0/role").asText()).isEqualTo("Koordination");
        assertThat(persons.get(1).at("/membership/0/endDate").isMissingNode()).isTrue();
        assertThat(all(LISTS + "membership")).hasSize(2);
    }

    @Test
    void badFiltersAndPagesAreRefusedWithAProblemNamingTheParameter() {
        for (String query : List.of("created_since=gestern", "modified_until=2026-03-02T10%3A00%3A00",
                "created_since=2301-01-01T00%3A00%3A00%2B01%3A00")) {
            Http.Response response = http.as("leser").get(LISTS + "meeting?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json().at("/errors/0/field").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
        assertThat(http.as("leser").get(LISTS + "meeting?page=0").status()).isEqualTo(400);
        assertThat(http.as("leser").get(LISTS + "meeting?limit=1001").status()).isEqualTo(400);
        assertThat(http.as("leser").get(LISTS + "meeting?page=1000001").status()).isEqualTo(400);
        JsonNode farBeyond = get(LISTS + "meeting?page=1000000&limit=1000");
        assertThat(farBeyond.get("data")).isEmpty();
        assertThat(farBeyond.at("/links/next").isMissingNode()).isTrue();
        assertThat(http.as("leser").get(LISTS + "meeting?omit_internal=vielleicht").status()).isEqualTo(400);
        assertThat(http.as("leser").get(LISTS + "unknown").status()).isEqualTo(404);
        assertThat(http.as("leser").get(ROOT + "/body/hamburg/meeting").status()).isEqualTo(404);
        assertThat(http.as("leser").get(ROOT + "/meeting/keine").status()).isEqualTo(404);
        assertThat(http.as("leser").get(ROOT + "/unknown/1").status()).isEqualTo(404);
    }

    @Test
    void everySignedInRoleReadsItAndAnAnonymousCallerDoesNotByDefault() {
        for (String user : List.of("leser", "anna.amt50", "koordinator", "buero.ob")) {
            assertThat(http.as(user).get(ROOT + "/system").status()).as(user).isEqualTo(200);
        }
        // OParl's CORS rule, on objects and lists alike
        assertThat(http.as("leser").get(ROOT + "/system").header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(http.as("leser").get(LISTS + "meeting").header("Access-Control-Allow-Origin")).isEqualTo("*");
        // … and on refusals, so that a script of another origin can read why
        assertThat(http.as("leser").get(ROOT + "/meeting/keine").header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(http.as("leser").get(LISTS + "meeting?created_since=gestern").header("Access-Control-Allow-Origin"))
                .isEqualTo("*");
        assertThat(http.anonymous().get(ROOT + "/system").header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(http.anonymous().get(ROOT + "/system").status()).isEqualTo(401);
        assertThat(http.anonymous().get(LISTS + "meeting").status()).isEqualTo(401);
    }

    static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
