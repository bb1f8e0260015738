package de.gremium.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.gremium.events.PolicyField;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaProposed;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.problem.ProblemReportSubmitted;
import de.gremium.platform.security.Roles;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Readers see only what they may read: each kind of hit is readable by the roles that may read its view, and the
 * search leaves out the kinds a caller's roles may not read.
 */
class SearchVisibilityTest {

    /** The controller that answers each kind's link (package-private classes, hence named; a rename fails loudly). */
    private static final Map<SearchKind, String> VIEWS = Map.of(
            SearchKind.REPORT, "de.gremium.query.problem.ProblemBoardController",
            SearchKind.IDEA, "de.gremium.query.idea.ProjectIdeaController",
            SearchKind.RECOMMENDATION, "de.gremium.query.recommendation.RecommendationController",
            SearchKind.DRAFT, "de.gremium.query.deliberation.DeliberationController",
            SearchKind.MINUTES, "de.gremium.query.meeting.WorkPlanController",
            SearchKind.NETWORK_PROJECT, "de.gremium.query.network.NetworkProjectController");
    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final SearchIndex index = new SearchIndex();

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private static Set<String> rolesOf(Class<?> controller) {
        PreAuthorize rule = controller.getAnnotation(PreAuthorize.class);
        assertThat(rule).as(controller + " says who may read it").isNotNull();
        Matcher roles = ROLE.matcher(rule.value());
        return roles.results().map(r -> r.group(1)).collect(Collectors.toSet());
    }

    @Test
    void eachKindIsReadableByTheRolesThatMayReadItsView() throws ClassNotFoundException {
        assertThat(VIEWS).containsOnlyKeys(SearchKind.values());
        for (SearchKind kind : SearchKind.values()) {
            assertThat(kind.readers()).as(kind.wireName()).isEqualTo(rolesOf(Class.forName(VIEWS.get(kind))));
        }
    }

    @Test
    void theSearchIsOpenToEveryRoleThatMayReadSomeKindAndToNoOther() {
        Set<String> anyKind = Arrays.stream(SearchKind.values()).flatMap(k -> k.readers().stream()).collect(Collectors.toSet());

        assertThat(rolesOf(SearchController.class)).isEqualTo(anyKind);
    }

    @Test
    void aCallerReadsTheKindsOfItsRolesOnly() {
        assertThat(SearchKind.readableBy(Set.of(Roles.READER))).containsExactlyInAnyOrder(SearchKind.values());
        assertThat(SearchKind.readableBy(Set.of(Roles.MAYOR_OFFICE, Roles.MEMBER))).containsExactlyInAnyOrder(SearchKind.values());
        assertThat(SearchKind.readableBy(Set.of())).isEmpty();
        assertThat(SearchKind.readableBy(Set.of("AUDITOR"))).isEmpty();
    }

    @Test
    void hitsOfKindsTheCallerMayNotReadAreLeftOut() {
        SearchProjection projection = new SearchProjection(index);
        projection.on(new ProblemReportSubmitted(new ProblemReportId("m-1"), "Sprachkurse", "voll", "Amt 50",
                Set.of(PolicyField.LANGUAGE), "anna.amt50", T0), 0);
        projection.on(new ProjectIdeaProposed(new ProjectIdeaId("i-1"), "Sprachkurse am Abend", "", Set.of(PolicyField.LANGUAGE),
                "koordinator", T0), 0);
        SearchReadiness ready = mock(SearchReadiness.class);
        when(ready.complete()).thenReturn(true);
        SearchQueries queries = new SearchQueries(index, ready);

        assertThat(queries.handle(query(Set.of(), Set.of(Roles.READER))).hits()).extracting(SearchHit::id)
                .containsExactlyInAnyOrder("m-1", "i-1");
        assertThat(queries.handle(query(Set.of(SearchKind.IDEA), Set.of(Roles.MEMBER))).hits()).extracting(SearchHit::id)
                .containsExactly("i-1");
        assertThat(queries.handle(query(Set.of(), Set.of("AUDITOR"))).total()).isZero();
        assertThat(queries.handle(query(EnumSet.allOf(SearchKind.class), Set.of())).total()).isZero();
    }

    @Test
    void anIndexStillBeingBuiltAnswersNothing() {
        SearchReadiness building = mock(SearchReadiness.class);
        when(building.complete()).thenReturn(false);

        SearchQueries.SearchResult result = new SearchQueries(index, building).handle(query(Set.of(), Set.of(Roles.READER)));

        assertThat(result.complete()).isFalse();
        assertThat(result.hits()).isEmpty();
    }

    private static FetchSearchHits query(Set<SearchKind> kinds, Set<String> roles) {
        return new FetchSearchHits(new SearchText("Sprachkurs"), kinds, null, null, roles, 0, 20);
    }
}
