package de.gremium.platform.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.gremium.events.consensus.ConsensusRecorded;
import de.gremium.events.consensus.DeliberationId;
import de.gremium.events.consensus.DraftRecommendationPut;
import de.gremium.events.consensus.GuestCommented;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProjectIdeaRecommended;
import de.gremium.events.meeting.GuestId;
import de.gremium.events.monitoring.MeasureAdopted;
import de.gremium.events.problem.ProblemReportAddressed;
import de.gremium.events.problem.ProblemReportId;
import de.gremium.events.recommendation.RecommendationFormulated;
import de.gremium.events.recommendation.RecommendationId;
import de.gremium.platform.evolution.GoldenFixtures.GoldenFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Revision 1 of the events that held the ids of other aggregates as strings reads, through the upcaster chain, into
 * the typed record of revision 2: the stored fixture of revision 1 becomes the same event as the fixture of revision
 * 2, whose sample values are the same ids, typed.
 */
class IdsBecameTypedTest {

    private static final FixtureReader READER = new FixtureReader(EventUpcasters.inChainOrder());

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {ConsensusRecorded.class, DraftRecommendationPut.class, GuestCommented.class, MeasureAdopted.class,
            ProblemReportAddressed.class, ProjectIdeaRecommended.class, RecommendationFormulated.class})
    void theStoredRevisionOneReadsIntoTheSameEventAsRevisionTwo(Class<?> event) {
        GoldenFixture revision1 = fixture(event, "1");
        GoldenFixture revision2 = fixture(event, "2");
        assertThat(revision1.payload()).as("the stored shapes differ").isNotEqualTo(revision2.payload());

        assertThat(READER.read(revision1).event()).isEqualTo(READER.read(revision2).event());
    }

    @Test
    void aConsensusStoredInRevisionOneNamesItsRecommendationIdeasAndReportsByTypedIds() {
        ConsensusRecorded consensus = (ConsensusRecorded) READER.read(fixture(ConsensusRecorded.class, "1")).event();

        assertThat(consensus.recommendationId()).isEqualTo(new RecommendationId("recommendation-id"));
        assertThat(consensus.projectIdeas()).containsExactly(new ProjectIdeaId("project-ideas"));
        assertThat(consensus.problemReports()).containsExactly(new ProblemReportId("problem-reports"));
    }

    @Test
    void aDraftStoredInRevisionOneNamesItsGuestsByTypedIds() {
        DraftRecommendationPut draft = (DraftRecommendationPut) READER.read(fixture(DraftRecommendationPut.class, "1")).event();

        assertThat(draft.guestsPresent()).containsExactly(new GuestId("guests-present"));
    }

    @Test
    void everyIdOfAStoredListIsTypedInItsOrderAndAnEmptyListStaysEmpty() {
        GoldenFixture stored = fixture(RecommendationFormulated.class, "1");
        ObjectNode payload = stored.payload().deepCopy();
        payload.put("deliberationId", "d-7");
        payload.set("projectIdeas", JsonNodeFactory.instance.arrayNode());
        payload.set("problemReports", JsonNodeFactory.instance.arrayNode().add("r-2").add("r-1"));

        RecommendationFormulated formulated = (RecommendationFormulated) READER.read(stored.withPayload(payload)).event();

        assertThat(formulated.deliberationId()).isEqualTo(new DeliberationId("d-7"));
        assertThat(formulated.projectIdeas()).isEmpty();
        assertThat(formulated.problemReports()).isEqualTo(List.of(new ProblemReportId("r-2"), new ProblemReportId("r-1")));
    }

    @Test
    void anEventStoredInRevisionTwoPassesTheChainUnchanged() {
        GoldenFixture stored = fixture(ConsensusRecorded.class, "2");

        assertThat(READER.read(stored).upcastPayload()).isEqualTo(stored.payload());
    }

    private static GoldenFixture fixture(Class<?> event, String revision) {
        return GoldenFixtures.read(GoldenFixtures.directory().resolve(GoldenFixtures.fileName(event.getSimpleName(), revision)));
    }
}
