package de.gremium.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import de.gremium.events.PolicyField;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.consensus.DraftAmended;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.idea.ProjectIdeaRevised;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.AgendaTopic;
import de.gremium.events.meeting.AgendaTopicKind;
import de.gremium.events.meeting.MeetingHeld;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.network.NetworkProjectAnnounced;
import de.gremium.events.network.NetworkProjectDropped;
import de.gremium.events.network.NetworkProjectId;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.events.problem.ProblemReportDetailsAdded;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.events.problem.SolutionProposalId;
import de.gremium.events.problem.SolutionProposed;
import de.gremium.events.recommendation.MayorsDecision;
import de.gremium.events.recommendation.MayorsDecisionRecorded;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The projection and the index as plain objects: what a search finds, in which order, with which passage. */
class SearchProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Set<SearchKind> ALL = EnumSet.allOf(SearchKind.class);

    private final SearchIndex index = new SearchIndex();
    private final SearchProjection projection = new SearchProjection(index);

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private List<SearchHit> search(String q) {
        return index.search(new SearchText(q), ALL, null, null, 0, 20).hits();
    }

    private List<String> keys(String q) {
        return search(q).stream().map(h -> h.kind().wireName() + "/" + h.id()).toList();
    }

    private void report(String id, String title, String description, PolicyField field, Instant at) {
        projection.on(new ProblemReportSubmitted(new ProblemReportId(id), title, description, "Amt 50", Set.of(field),
                "anna.amt50", at), 0);
    }

    private void idea(String id, String title, String description, PolicyField field, Instant at) {
        projection.on(new ProjectIdeaProposed(new ProjectIdeaId(id), title, description, Set.of(field), "koordinator", at), 0);
    }

    @Test
    void umlautsAndEszettFindEachOtherHoweverTheyAreTyped() {
        report("m-1", "Wartezeiten im Büro", "Das Büro in der Schillerstraße ist überlastet.", PolicyField.SOCIAL_CARE, T0);

        for (String q : new String[] {"Büro", "Buero", "buro", "BÜRO", "Schillerstrasse", "Schillerstraße",
                "ueberlastet", "uberlastet"}) {
            assertThat(keys(q)).as(q).containsExactly("report/m-1");
        }
    }

    @Test
    void aWordFindsItsInflectedForms() {
        idea("i-1", "Sprachkurs für Mütter", "Ein Kurs mit Kinderbetreuung.", PolicyField.LANGUAGE, T0);

        assertThat(keys("Sprachkurse")).containsExactly("idea/i-1");
        assertThat(keys("Sprachkursen Muettern")).containsExactly("idea/i-1");
        assertThat(keys("Sprachcafé")).isEmpty();
    }

    @Test
    void everyWordMustMatchAndQuotesAskForAPhrase() {
        idea("i-1", "Kita-Plätze", "Mehr Plätze in der Kita am Hasselbachplatz.", PolicyField.CHILDREN_YOUTH, T0);
        idea("i-2", "Plätze im Sportverein", "Mehr Plätze für Kinder.", PolicyField.SPORT, T0);

        assertThat(keys("Plätze Kita")).containsExactly("idea/i-1");
        assertThat(keys("\"mehr Plätze für Kinder\"")).containsExactly("idea/i-2");
        assertThat(keys("\"Kinder für Plätze mehr\"")).isEmpty();
    }

    @Test
    void aMatchInTheTitleRanksAboveOneInTheTextOnly() {
        idea("i-text", "Lotsen für Familien", "Lotsen begleiten Familien, auch zur Ausländerbehörde.", PolicyField.SOCIAL_CARE, T0);
        idea("i-title", "Termine der Ausländerbehörde", "Online buchen statt Schlange stehen.", PolicyField.SOCIAL_CARE, T0);
        idea("i-none", "Lotsen für Schulen", "Begleitung beim Schulwechsel.", PolicyField.CHILDREN_YOUTH, T0);

        List<SearchHit> hits = search("Auslaenderbehoerde");

        assertThat(hits).extracting(SearchHit::id).containsExactly("i-title", "i-text");
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    }

    @Test
    void theSnippetIsTheMatchedPassageEscapedWithTheMatchMarked() {
        String before = "Seit Januar gibt es Probleme mit der Anmeldung, weil das Portal der Stadt die Formulare nicht "
                + "annimmt und die Eltern deshalb mehrmals persönlich vorsprechen müssen, oft ohne Termin. ";
        String after = " Sonst läuft alles gut, die Erzieherinnen sind freundlich, die Räume hell, und die Eltern "
                + "loben den Garten, die Ausflüge und das gemeinsame Frühstück am Freitag sehr.";
        report("m-1", "Kita", before + "Die Kita <Sonnenschein> hat keine Plätze mehr & eine Warteliste." + after,
                PolicyField.CHILDREN_YOUTH, T0);

        SearchHit hit = search("Platze").get(0);

        assertThat(hit.snippet()).contains("<mark>Plätze</mark>").contains("&lt;Sonnenschein&gt;").contains("&amp;")
                .doesNotContain("<Sonnenschein>").doesNotContain("Seit Januar").doesNotContain("Sonst läuft");
        assertThat(hit.title()).isEqualTo("Kita");
        assertThat(hit.link()).isEqualTo("/api/problem-reports/m-1");
        assertThat(hit.policyFields()).containsExactly(PolicyField.CHILDREN_YOUTH);
        assertThat(hit.year()).isEqualTo(2026);
    }

    @Test
    void everyMatchedWordIsMarkedAndStopWordsAreNot() {
        projection.on(new RecommendationFormulated(new RecommendationId("empfehlung-1"), new DeliberationId("d-1"),
                new MeetingId("regular-2026-Q1"), new AgendaItemId("top-1"), "Sprachkurse mit Kinderbetreuung anbieten",
                Set.of(PolicyField.LANGUAGE), List.of(), List.of(), "koordinator", T0), 0);

        SearchHit hit = search("Sprachkurs mit Kinderbetreuung").get(0);

        assertThat(hit.snippet()).isEqualTo("<mark>Sprachkurse</mark> mit <mark>Kinderbetreuung</mark> anbieten");
        assertThat(hit.title()).isEqualTo("Sprachkurse mit Kinderbetreuung anbieten");
    }

    @Test
    void aReportIsFoundByItsAddedDetailsAndSolutionProposals() {
        report("m-1", "Kurse ausgebucht", "Zu wenige Plätze.", PolicyField.LANGUAGE, T0);
        ProblemReportId id = new ProblemReportId("m-1");
        projection.on(new ProblemReportDetailsAdded(id, "Besonders die Abendkurse.", "anna.amt50", T0), 1);
        projection.on(new SolutionProposed(id, new SolutionProposalId("v-1"), "Volkshochschule um Hilfe bitten.",
                "jonas.fb32", T0), 2);

        assertThat(keys("Abendkurs")).containsExactly("report/m-1");
        SearchHit hit = search("Volkshochschule").get(0);
        assertThat(hit.id()).isEqualTo("m-1");
        assertThat(hit.snippet()).contains("<mark>Volkshochschule</mark> um Hilfe bitten.");
    }

    @Test
    void aRevisedIdeaIsFoundByItsNewWordsOnly() {
        idea("i-1", "Sprachcafé", "Einmal im Monat.", PolicyField.LANGUAGE, T0);
        projection.on(new ProjectIdeaRevised(new ProjectIdeaId("i-1"), "Nachbarschaftscafé", "Jeden Freitag.",
                Set.of(PolicyField.NEIGHBOURHOODS), "koordinator", T0.plusSeconds(60)), 1);

        assertThat(keys("Sprachcafé")).isEmpty();
        assertThat(keys("Freitag")).containsExactly("idea/i-1");
        assertThat(search("Freitag").get(0).policyFields()).containsExactly(PolicyField.NEIGHBOURHOODS);
    }

    @Test
    void aDraftBecomesItsRecommendationWhichKeepsTheEarlierDraftsSearchable() {
        DeliberationId deliberation = new DeliberationId("d-1");
        MeetingId meeting = new MeetingId("regular-2026-Q1");
        projection.on(new DraftRecommendationPut(deliberation, meeting, new AgendaItemId("top-1"),
                "Die Stadt richtet ein Willkommensbüro ein.", Set.of(PolicyField.OPENNESS), List.of(), List.of(),
                List.of(), List.of(), "koordinator", T0), 0);
        projection.on(new DraftAmended(deliberation, "Die Stadt richtet ein Willkommenszentrum ein.", List.of(),
                "koordinator", T0.plusSeconds(60)), 1);

        assertThat(keys("Willkommensbuero")).containsExactly("draft/d-1");
        assertThat(keys("Willkommenszentrum")).containsExactly("draft/d-1");
        assertThat(search("Willkommenszentrum").get(0).link()).isEqualTo("/api/deliberations/d-1");

        RecommendationId recommendation = new RecommendationId("e-1");
        projection.on(new RecommendationFormulated(recommendation, deliberation, meeting, new AgendaItemId("top-1"),
                "Die Stadt richtet ein Willkommenszentrum ein.", Set.of(PolicyField.OPENNESS), List.of(), List.of(),
                "koordinator", T0.plusSeconds(120)), 0);
        projection.on(new MayorsDecisionRecorded(recommendation, MayorsDecision.ACCEPTED, "Im Haushalt 2027 vorgesehen.",
                null, "buero.ob", T0.plusSeconds(180)), 1);

        assertThat(keys("Willkommenszentrum")).containsExactly("recommendation/e-1");
        assertThat(keys("Willkommensbüro")).containsExactly("recommendation/e-1");
        assertThat(keys("Haushalt")).containsExactly("recommendation/e-1");
        SearchHit hit = search("Willkommenszentrum").get(0);
        assertThat(hit.title()).isEqualTo("Die Stadt richtet ein Willkommenszentrum ein.");
        assertThat(hit.link()).isEqualTo("/api/recommendations/e-1");
    }

    @Test
    void minutesBelongToTheYearOfTheirMeetingAndNetworkProjectsKeepTheirOutcome() {
        MeetingId meeting = new MeetingId("regular-2026-Q4");
        projection.on(new MeetingPlanned(meeting, 2026, 4, MeetingKind.REGULAR, "Sitzung Q4/2026", 60, "koordinator", T0), 0);
        projection.on(new MeetingScheduled(meeting, Instant.parse("2027-01-12T13:00:00Z"), Instant.parse("2027-01-12T14:00:00Z"),
                "Altes Rathaus", "koordinator", T0), 1);
        projection.on(new MeetingHeld(meeting, List.of(), List.of(), "Die Gruppe bespricht die Dolmetscherdienste.",
                List.of(new AgendaTopic(AgendaTopicKind.FREE, null, "Dolmetscherpool")), "koordinator",
                Instant.parse("2027-01-12T15:00:00Z")), 2);
        NetworkProjectId project = new NetworkProjectId("dolmetscher");
        projection.on(new NetworkProjectAnnounced(project, NetworkWorkingGroup.INTERCULTURE_SOCIAL, "Dolmetscherdienst",
                "Ehrenamtliche dolmetschen.", Set.of(PolicyField.SOCIAL_CARE), NetworkProjectStatus.PLANNED, null, null,
                "Frau Schulz", "koordinator", T0), 0);
        projection.on(new NetworkProjectDropped(project, "Keine Förderung gefunden.", "koordinator", T0), 1);

        assertThat(keys("Dolmetscherdienst")).containsExactlyInAnyOrder("minutes/regular-2026-Q4", "network-project/dolmetscher");
        SearchHit minutes = index.search(new SearchText("Dolmetscherpool"), ALL, null, 2027, 0, 20).hits().get(0);
        assertThat(minutes.title()).isEqualTo("Protokoll: Sitzung Q4/2026");
        assertThat(minutes.link()).isEqualTo("/api/meetings/regular-2026-Q4");
        assertThat(index.search(new SearchText("Dolmetscherpool"), ALL, null, 2026, 0, 20).hits()).isEmpty();
        assertThat(keys("Foerderung")).containsExactly("network-project/dolmetscher");
        assertThat(search("Foerderung").get(0).link()).isEqualTo("/api/network-projects/dolmetscher");
    }

    @Test
    void filtersByKindPolicyFieldAndYearCombine() {
        report("m-1", "Wohnungssuche", "Wohnungen fehlen.", PolicyField.NEIGHBOURHOODS, T0);
        report("m-2", "Wohnungssuche", "Wohnungen fehlen.", PolicyField.NEIGHBOURHOODS, Instant.parse("2027-05-02T09:00:00Z"));
        idea("i-1", "Wohnungsbörse", "Wohnungen tauschen.", PolicyField.NEIGHBOURHOODS, T0);
        idea("i-2", "Wohnungen für Studierende", "Wohnungen.", PolicyField.EMPLOYMENT, T0);

        assertThat(keys("Wohnungen")).hasSize(4);
        assertThat(index.search(new SearchText("Wohnungen"), Set.of(SearchKind.IDEA), null, null, 0, 20).hits())
                .extracting(SearchHit::id).containsExactlyInAnyOrder("i-1", "i-2");
        assertThat(index.search(new SearchText("Wohnungen"), ALL, PolicyField.NEIGHBOURHOODS, 2026, 0, 20).hits())
                .extracting(SearchHit::id).containsExactlyInAnyOrder("m-1", "i-1");
        assertThat(index.search(new SearchText("Wohnungen"), Set.of(SearchKind.REPORT), PolicyField.NEIGHBOURHOODS, 2027,
                0, 20).hits()).extracting(SearchHit::id).containsExactly("m-2");
        assertThat(index.search(new SearchText("Wohnungen"), Set.of(), null, null, 0, 20).total()).isZero();
    }

    @Test
    void pagesSliceTheHitsInScoreOrderAndCountThemAll() {
        for (int i = 0; i < 7; i++) {
            idea("i-" + i, "Idee " + i, "Nachbarschaft " + "Nachbarschaft ".repeat(i), PolicyField.NEIGHBOURHOODS, T0);
        }

        SearchIndex.Found first = index.search(new SearchText("Nachbarschaft"), ALL, null, null, 0, 3);
        SearchIndex.Found last = index.search(new SearchText("Nachbarschaft"), ALL, null, null, 2, 3);
        SearchIndex.Found beyond = index.search(new SearchText("Nachbarschaft"), ALL, null, null, 3, 3);

        assertThat(first.total()).isEqualTo(7);
        assertThat(first.hits()).extracting(SearchHit::id).containsExactly("i-6", "i-5", "i-4");
        assertThat(last.hits()).extracting(SearchHit::id).containsExactly("i-0");
        assertThat(beyond.hits()).isEmpty();
        assertThat(beyond.total()).isEqualTo(7);
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() {
        report("m-1", "Kurse", "Zu wenige Plätze.", PolicyField.LANGUAGE, T0);
        ProblemReportDetailsAdded details = new ProblemReportDetailsAdded(new ProblemReportId("m-1"), "Abends.", "anna.amt50", T0);
        projection.on(details, 1);
        projection.on(details, 1);
        report("m-1", "Kurse umbenannt", "Anderes.", PolicyField.SPORT, T0);

        SearchHit hit = search("abends").get(0);
        assertThat(hit.title()).isEqualTo("Kurse");
        assertThat(hit.snippet()).containsOnlyOnce("<mark>Abends</mark>");
    }

    @Test
    void whateverIsTypedTheSearchAnswers() {
        idea("i-1", "Kita (Nord)", "C++ & Java: 100% \"Plätze\" \\ OR AND NOT *", PolicyField.CHILDREN_YOUTH, T0);

        for (String q : new String[] {"\"", "\"Kita", "Kita\"\"\"", "(", ")", "[", "]", "{", "}", "*", "?", "~", "~2",
                "^", "\\", "/", "+", "-", "|", "&&", "||", "!", ":", "Kita:Nord", "NOT", "AND OR", "-Kita", "Kita*",
                "Pl?tze", "title:Kita", "\u00a0", "😀", "<script>alert(1)</script>", "' OR 1=1 --", "und", "\"und die\""}) {
            assertThatCode(() -> search(q)).as(q).doesNotThrowAnyException();
        }
        assertThat(keys("\"Kita")).containsExactly("idea/i-1");
        assertThat(keys("C++")).containsExactly("idea/i-1");
        assertThat(keys("-Kita")).containsExactly("idea/i-1");
        assertThat(keys("und")).isEmpty();
    }

    @Test
    void blankOrOverlongTextIsRefusedNamingQ() {
        for (String q : new String[] {null, "", "   ", "x".repeat(SearchText.MAX_LENGTH + 1)}) {
            Assertions.assertThatThrownBy(() -> new SearchText(q)).as(String.valueOf(q)).isInstanceOf(Refusal.Invalid.class)
                    .satisfies(e -> assertThat(((Refusal) e).errors()).extracting(de.gremium.platform.refusal.FieldError::field).containsExactly("q"));
        }
        assertThat(new SearchText("ü".repeat(SearchText.MAX_LENGTH)).value()).hasSize(SearchText.MAX_LENGTH);
    }

    @Test
    void aResetEmptiesTheIndex() {
        idea("i-1", "Sprachcafé", "", PolicyField.LANGUAGE, T0);
        projection.reset();

        assertThat(keys("Sprachcafé")).isEmpty();
        idea("i-1", "Sprachcafé", "", PolicyField.LANGUAGE, T0);
        assertThat(keys("Sprachcafé")).containsExactly("idea/i-1");
    }
}
