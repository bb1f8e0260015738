package de.gremium.query.search;

import com.fasterxml.jackson.annotation.JsonValue;
import de.gremium.platform.refusal.Refusal;
import de.gremium.platform.security.Roles;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a search hit is, where its view answers, and who may read it. The readers of each kind are those of the
 * controller that answers its link ({@code SearchVisibilityTest} compares them with that controller's
 * {@code @PreAuthorize}), so that the search shows no one a hit whose view would refuse them.
 */
public enum SearchKind {
    /** A problem report with its added details, solution proposals and resolution: {@code ProblemBoardController}. */
    REPORT("report", "/api/problem-reports/", "", Roles.MEMBER, Roles.COORDINATOR, Roles.MAYOR_OFFICE, Roles.READER),
    /** A project idea as last revised: {@code ProjectIdeaController}. */
    IDEA("idea", "/api/project-ideas/", "", Roles.MEMBER, Roles.COORDINATOR, Roles.MAYOR_OFFICE, Roles.READER),
    /**
     * A recommendation to the Lord Mayor with the drafts it grew from, the submission's note and the decision's
     * reasons: {@code RecommendationController} (its trace is one step further, {@code …/trace}).
     */
    RECOMMENDATION("recommendation", "/api/recommendations/", "",
            Roles.MEMBER, Roles.COORDINATOR, Roles.MAYOR_OFFICE, Roles.READER),
    /** The draft of a deliberation that has not (or not yet) become a recommendation: {@code DeliberationController}. */
    DRAFT("draft", "/api/deliberations/", "", Roles.MEMBER, Roles.COORDINATOR, Roles.MAYOR_OFFICE, Roles.READER),
    /** The minutes of a held meeting: the meeting's view, {@code WorkPlanController}. */
    MINUTES("minutes", "/api/meetings/", "", Roles.MEMBER, Roles.COORDINATOR, Roles.MAYOR_OFFICE, Roles.READER),
    /** A project of the network's working groups: {@code NetworkProjectController}. */
    NETWORK_PROJECT("network-project", "/api/network-projects/", "",
            Roles.MEMBER, Roles.COORDINATOR, Roles.MAYOR_OFFICE, Roles.READER);

    private final String wireName;
    private final String linkPrefix;
    private final String linkSuffix;
    private final Set<String> readers;

    SearchKind(String wireName, String linkPrefix, String linkSuffix, String... readers) {
        this.wireName = wireName;
        this.linkPrefix = linkPrefix;
        this.linkSuffix = linkSuffix;
        this.readers = Set.of(readers);
    }

    /** The name in the API ({@code kind=network-project}) and in the index. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The roles that may read a hit of this kind. */
    public Set<String> readers() {
        return readers;
    }

    /** The path of the item's view on the query side. */
    public String link(String id) {
        return linkPrefix + id + linkSuffix;
    }

    /** The kinds that a caller with these roles may read. */
    public static Set<SearchKind> readableBy(Set<String> roles) {
        return Arrays.stream(values()).filter(k -> k.readers.stream().anyMatch(roles::contains))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The kind of this API name; an unknown one is refused naming {@code kind}. */
    public static SearchKind of(String wireName) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> Refusal.invalid("kind", "'" + wireName + "' is not a kind; allowed: "
                        + Arrays.stream(values()).map(SearchKind::wireName).toList()));
    }
}
