package de.gremium.query.network;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.PolicyField;
import de.gremium.events.network.FetchNetworkFeed;
import de.gremium.events.network.NetworkProjectAnnounced;
import de.gremium.events.network.NetworkProjectCompleted;
import de.gremium.events.network.NetworkProjectDropped;
import de.gremium.events.network.NetworkProjectId;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkProjectUpdated;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.query.ViewStore;
import de.gremium.query.network.NetworkFeedEntry.Change;
import de.gremium.query.network.NetworkFeedEntry.EntryKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The network feed as a plain object over a real wire-protocol store. */
class NetworkFeedProjectionTest {

    private static final NetworkProjectId ID = new NetworkProjectId("np-1");
    private static final Instant T0 = Instant.parse("2027-02-03T09:00:00Z");
    private static final LocalDate START = LocalDate.parse("2027-03-01");
    private static final LocalDate END = LocalDate.parse("2027-12-31");

    private ViewStore store;
    private NetworkFeedProjection projection;
    private NetworkFeedQueries queries;

    @BeforeEach
    void setUp() {
        store = ViewStore.open();
        projection = new NetworkFeedProjection(store.mongo());
        queries = new NetworkFeedQueries(store.mongo());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    static NetworkProjectAnnounced announced(String id, NetworkWorkingGroup group, Instant at, PolicyField... fields) {
        return new NetworkProjectAnnounced(new NetworkProjectId(id), group, "Projekt " + id, "Beschreibung " + id,
                Set.of(fields), NetworkProjectStatus.PLANNED, START, END, "Frau Schulz", "koordinator", at);
    }

    static NetworkProjectUpdated running(Instant at) {
        return new NetworkProjectUpdated(ID, "Projekt np-1", "Beschreibung np-1", Set.of(PolicyField.LANGUAGE),
                NetworkProjectStatus.RUNNING, START, END.plusMonths(6), "Herr Weber", "koordinator", at);
    }

    private NetworkProjectDetail detail() {
        return queries.handle(new FetchNetworkProject(ID)).orElseThrow();
    }

    private List<NetworkFeedEntry> feed(NetworkWorkingGroup group, PolicyField field) {
        return queries.handle(new FetchNetworkFeed(group, field, 0, 50)).entries();
    }

    @Test
    void anAnnouncementIsOneNewEntryAndTheProjectAsItStands() {
        projection.on(announced("np-1", NetworkWorkingGroup.LANGUAGE, T0, PolicyField.LANGUAGE), 0);

        NetworkFeedEntry entry = feed(null, null).get(0);
        assertThat(entry.id()).isEqualTo("np-1/0");
        assertThat(entry.kind()).isEqualTo(EntryKind.ANNOUNCED);
        assertThat(entry.title()).isEqualTo("AG Sprache: Projekt np-1 – neu");
        assertThat(entry.startDate()).isEqualTo(START);
        assertThat(entry.occurredAt()).isEqualTo(T0);
        NetworkProjectView project = detail().project();
        assertThat(project.status()).isEqualTo(NetworkProjectStatus.PLANNED);
        assertThat(project.workingGroup()).isEqualTo(NetworkWorkingGroup.LANGUAGE);
        assertThat(project.endDate()).isEqualTo(END);
        assertThat(project.version()).isZero();
        assertThat(detail().history()).containsExactly(entry);
    }

    @Test
    void anUpdateIsAnEntryNamingWhatChanged() {
        projection.on(announced("np-1", NetworkWorkingGroup.LANGUAGE, T0, PolicyField.LANGUAGE), 0);
        projection.on(running(T0.plusSeconds(60)), 1);

        NetworkFeedEntry entry = feed(null, null).get(0);
        assertThat(entry.title()).isEqualTo("AG Sprache: Projekt np-1 – aktualisiert");
        assertThat(entry.changes()).containsExactly(new Change("status", "PLANNED", "RUNNING"),
                new Change("endDate", "2027-12-31", "2028-06-30"), new Change("contact", "Frau Schulz", "Herr Weber"));
        NetworkProjectView project = detail().project();
        assertThat(project.status()).isEqualTo(NetworkProjectStatus.RUNNING);
        assertThat(project.contact()).isEqualTo("Herr Weber");
        assertThat(project.lastChangedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(project.version()).isEqualTo(1);
    }

    @Test
    void aCompletionAndADroppingEndTheProjectWithTheirSummaryOrReason() {
        projection.on(announced("np-1", NetworkWorkingGroup.WORK_TRAINING, T0, PolicyField.EMPLOYMENT), 0);
        projection.on(new NetworkProjectCompleted(ID, "30 Ausbildungsplätze", END, "koordinator", T0.plusSeconds(60)), 1);
        projection.on(announced("np-2", NetworkWorkingGroup.INTERCULTURE_SOCIAL, T0.plusSeconds(30), PolicyField.CULTURE), 0);
        projection.on(new NetworkProjectDropped(new NetworkProjectId("np-2"), "keine Räume", "koordinator",
                T0.plusSeconds(120)), 1);

        assertThat(feed(null, null)).extracting(NetworkFeedEntry::title).containsExactly(
                "AG Interkultur und Soziales: Projekt np-2 – eingestellt",
                "AG Arbeit und Ausbildung: Projekt np-1 – abgeschlossen",
                "AG Interkultur und Soziales: Projekt np-2 – neu",
                "AG Arbeit und Ausbildung: Projekt np-1 – neu");
        NetworkFeedEntry completed = feed(null, null).get(1);
        assertThat(completed.note()).isEqualTo("30 Ausbildungsplätze");
        assertThat(completed.completedOn()).isEqualTo(END);
        assertThat(completed.status()).isEqualTo(NetworkProjectStatus.COMPLETED);
        assertThat(completed.policyFields()).containsExactly(PolicyField.EMPLOYMENT);
        assertThat(detail().project().completion().summary()).isEqualTo("30 Ausbildungsplätze");
        NetworkProjectView dropped = queries.handle(new FetchNetworkProject(new NetworkProjectId("np-2"))).orElseThrow().project();
        assertThat(dropped.status()).isEqualTo(NetworkProjectStatus.DROPPED);
        assertThat(dropped.dropping().reason()).isEqualTo("keine Räume");
    }

    @Test
    void theFeedIsNewestFirstFiltersByWorkingGroupAndPolicyFieldAndPages() {
        projection.on(announced("a", NetworkWorkingGroup.LANGUAGE, T0, PolicyField.LANGUAGE), 0);
        projection.on(announced("b", NetworkWorkingGroup.WORK_TRAINING, T0.plusSeconds(10), PolicyField.EMPLOYMENT,
                PolicyField.LANGUAGE), 0);
        projection.on(announced("c", NetworkWorkingGroup.LANGUAGE, T0.plusSeconds(20), PolicyField.CHILDREN_YOUTH), 0);

        assertThat(feed(null, null)).extracting(NetworkFeedEntry::projectId).containsExactly("c", "b", "a");
        assertThat(feed(NetworkWorkingGroup.LANGUAGE, null)).extracting(NetworkFeedEntry::projectId).containsExactly("c", "a");
        assertThat(feed(null, PolicyField.LANGUAGE)).extracting(NetworkFeedEntry::projectId).containsExactly("b", "a");
        assertThat(feed(NetworkWorkingGroup.LANGUAGE, PolicyField.LANGUAGE)).extracting(NetworkFeedEntry::projectId)
                .containsExactly("a");
        NetworkFeedQueries.NetworkFeedPage second = queries.handle(new FetchNetworkFeed(null, null, 1, 2));
        assertThat(second.entries()).extracting(NetworkFeedEntry::projectId).containsExactly("a");
        assertThat(second.total()).isEqualTo(3);
    }

    @Test
    void entriesOfTheSameInstantAreNewestFirstByTheirSequence() {
        projection.on(announced("np-1", NetworkWorkingGroup.LANGUAGE, T0, PolicyField.LANGUAGE), 0);
        projection.on(running(T0), 1);

        assertThat(feed(null, null)).extracting(NetworkFeedEntry::kind).containsExactly(EntryKind.UPDATED, EntryKind.ANNOUNCED);
    }

    @Test
    void anEntryKeepsThePolicyFieldsItHadWhenItHappened() {
        projection.on(announced("np-1", NetworkWorkingGroup.LANGUAGE, T0, PolicyField.CULTURE), 0);
        projection.on(running(T0.plusSeconds(60)), 1);

        assertThat(feed(null, PolicyField.CULTURE)).extracting(NetworkFeedEntry::kind).containsExactly(EntryKind.ANNOUNCED);
        assertThat(feed(null, PolicyField.LANGUAGE)).extracting(NetworkFeedEntry::kind).containsExactly(EntryKind.UPDATED);
        assertThat(feed(null, null).get(0).changes()).contains(new Change("policyFields", "CULTURE", "LANGUAGE"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        NetworkProjectAnnounced announced = announced("np-1", NetworkWorkingGroup.LANGUAGE, T0, PolicyField.LANGUAGE);
        NetworkProjectUpdated update = running(T0.plusSeconds(60));
        NetworkProjectCompleted completed = new NetworkProjectCompleted(ID, "fertig", END, "koordinator", T0.plusSeconds(120));
        projection.on(announced, 0);
        projection.on(update, 1);
        projection.on(completed, 2);
        NetworkProjectDetail once = detail();
        List<NetworkFeedEntry> feedOnce = feed(null, null);

        projection.on(announced, 0);
        projection.on(update, 1);
        projection.on(completed, 2);
        projection.on(update, 1);

        assertThat(detail()).isEqualTo(once);
        assertThat(feed(null, null)).isEqualTo(feedOnce).hasSize(3);
        assertThat(once.project().status()).isEqualTo(NetworkProjectStatus.COMPLETED);
        assertThat(once.history()).extracting(NetworkFeedEntry::kind)
                .containsExactly(EntryKind.ANNOUNCED, EntryKind.UPDATED, EntryKind.COMPLETED);
    }

    @Test
    void anEventRedeliveredAfterItsEntryButBeforeItsProjectUpdateCompletesBoth() {
        projection.on(announced("np-1", NetworkWorkingGroup.LANGUAGE, T0, PolicyField.LANGUAGE), 0);
        projection.on(running(T0.plusSeconds(60)), 1);
        NetworkProjectDetail once = detail();
        projection.reset();
        projection.on(announced("np-1", NetworkWorkingGroup.LANGUAGE, T0, PolicyField.LANGUAGE), 0);
        // as if the process died between the two writes of the update: the entry is there, the project is not updated
        store.mongo().insert(once.history().get(1));

        projection.on(running(T0.plusSeconds(60)), 1);

        assertThat(detail()).isEqualTo(once);
    }

    @Test
    void aResetEmptiesTheFeedAndTheProjectsForAReplay() {
        projection.on(announced("np-1", NetworkWorkingGroup.LANGUAGE, T0, PolicyField.LANGUAGE), 0);
        projection.reset();

        assertThat(queries.handle(new FetchNetworkProject(ID))).isEmpty();
        assertThat(queries.handle(new FetchNetworkFeed(null, null, 0, 10)).total()).isZero();
        assertThat(store.mongo().collectionExists(NetworkFeedEntry.class)).as("emptied, not dropped").isTrue();
    }

    @Test
    void anUnknownProjectIsEmpty() {
        assertThat(queries.handle(new FetchNetworkProject(new NetworkProjectId("unbekannt")))).isEmpty();
    }
}
