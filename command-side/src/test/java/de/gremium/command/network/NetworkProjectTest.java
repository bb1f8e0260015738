package de.gremium.command.network;

import de.gremium.events.PolicyField;
import de.gremium.events.network.AnnounceNetworkProject;
import de.gremium.events.network.CompleteNetworkProject;
import de.gremium.events.network.DropNetworkProject;
import de.gremium.events.network.NetworkProjectAnnounced;
import de.gremium.events.network.NetworkProjectCompleted;
import de.gremium.events.network.NetworkProjectDropped;
import de.gremium.events.network.NetworkProjectId;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkProjectUpdated;
import de.gremium.events.network.NetworkWorkingGroup;
import de.gremium.events.network.UpdateNetworkProject;
import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetworkProjectTest {

    private static final NetworkProjectId PROJECT = new NetworkProjectId("np-1");
    private static final Instant T = Instant.parse("2027-02-03T12:00:00Z");
    private static final LocalDate START = LocalDate.parse("2027-03-01");
    private static final LocalDate END = LocalDate.parse("2027-12-31");
    private static final Set<PolicyField> LANGUAGE = Set.of(PolicyField.LANGUAGE);
    private static final NetworkProjectAnnounced ANNOUNCED = new NetworkProjectAnnounced(PROJECT, NetworkWorkingGroup.LANGUAGE,
            "Sprachcafé", "Offenes Sprachcafé im Stadtteil", LANGUAGE, NetworkProjectStatus.PLANNED, START, END,
            "Frau Schulz, Tel. 540-0", "koordinator", T);
    private static final NetworkProjectCompleted COMPLETED = new NetworkProjectCompleted(PROJECT, "42 Teilnehmende",
            END, "koordinator", T);
    private static final NetworkProjectDropped DROPPED = new NetworkProjectDropped(PROJECT, "keine Räume", "koordinator", T);

    private FixtureConfiguration<NetworkProject> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NetworkProject.class);
    }

    private static AnnounceNetworkProject announce(String title, String description, Set<PolicyField> fields,
            NetworkProjectStatus status, LocalDate start, LocalDate end) {
        return new AnnounceNetworkProject(PROJECT, NetworkWorkingGroup.LANGUAGE, title, description, fields, status, start,
                end, "Frau Schulz, Tel. 540-0", "koordinator", T);
    }

    private static UpdateNetworkProject update(NetworkProjectStatus status, LocalDate start, LocalDate end, String contact) {
        return new UpdateNetworkProject(PROJECT, "Sprachcafé", "Offenes Sprachcafé im Stadtteil", LANGUAGE, status, start,
                end, contact, "koordinator", T);
    }

    @Test
    void theCoordinatorAnnouncesAPlannedProjectOfAWorkingGroup() {
        fixture.givenNoPriorActivity()
                .when(announce("Sprachcafé", "Offenes Sprachcafé im Stadtteil", LANGUAGE, NetworkProjectStatus.PLANNED, START, END))
                .expectEvents(ANNOUNCED);
    }

    @Test
    void aRunningProjectWithoutDatesMayBeAnnounced() {
        fixture.givenNoPriorActivity()
                .when(announce("Sprachcafé", "d", LANGUAGE, NetworkProjectStatus.RUNNING, null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aProjectWithoutTitleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(announce(" ", "d", LANGUAGE, NetworkProjectStatus.PLANNED, START, END))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("title must not be blank")
                .expectNoEvents();
    }

    @Test
    void aProjectWithoutDescriptionIsRefused() {
        fixture.givenNoPriorActivity()
                .when(announce("Sprachcafé", null, LANGUAGE, NetworkProjectStatus.PLANNED, START, END))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("description must not be blank")
                .expectNoEvents();
    }

    @Test
    void aProjectWithoutPolicyFieldIsRefused() {
        fixture.givenNoPriorActivity()
                .when(announce("Sprachcafé", "d", Set.of(), NetworkProjectStatus.PLANNED, START, END))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("at least one policy field is required")
                .expectNoEvents();
    }

    @Test
    void aProjectWithoutWorkingGroupIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new AnnounceNetworkProject(PROJECT, null, "Sprachcafé", "d", LANGUAGE, NetworkProjectStatus.PLANNED,
                        START, END, null, "koordinator", T))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aProjectCannotBeAnnouncedAsCompleted() {
        fixture.givenNoPriorActivity()
                .when(announce("Sprachcafé", "d", LANGUAGE, NetworkProjectStatus.COMPLETED, START, END))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aProjectCannotBeAnnouncedAsDropped() {
        fixture.givenNoPriorActivity()
                .when(announce("Sprachcafé", "d", LANGUAGE, NetworkProjectStatus.DROPPED, START, END))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aProjectCannotEndBeforeItStarts() {
        fixture.givenNoPriorActivity()
                .when(announce("Sprachcafé", "d", LANGUAGE, NetworkProjectStatus.PLANNED, END, START))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage("endDate 2027-03-01 lies before startDate 2027-12-31")
                .expectNoEvents();
    }

    @Test
    void aProjectMayStartAndEndOnTheSameDay() {
        fixture.givenNoPriorActivity()
                .when(announce("Sprachcafé", "d", LANGUAGE, NetworkProjectStatus.PLANNED, START, START))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theCoordinatorUpdatesStatusDatesAndContact() {
        fixture.given(ANNOUNCED)
                .when(update(NetworkProjectStatus.RUNNING, START, END.plusMonths(6), "Herr Weber"))
                .expectEvents(new NetworkProjectUpdated(PROJECT, "Sprachcafé", "Offenes Sprachcafé im Stadtteil", LANGUAGE,
                        NetworkProjectStatus.RUNNING, START, END.plusMonths(6), "Herr Weber", "koordinator", T));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(ANNOUNCED)
                .when(update(NetworkProjectStatus.PLANNED, START, END, "Frau Schulz, Tel. 540-0"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUpdateCannotMoveTheEndBeforeTheStart() {
        fixture.given(ANNOUNCED)
                .when(update(NetworkProjectStatus.RUNNING, START, START.minusDays(1), null))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void anUpdateCannotCompleteTheProject() {
        fixture.given(ANNOUNCED)
                .when(update(NetworkProjectStatus.COMPLETED, START, END, null))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void anUpdateCannotRemoveEveryPolicyField() {
        fixture.given(ANNOUNCED)
                .when(new UpdateNetworkProject(PROJECT, "Sprachcafé", "d", Set.of(), NetworkProjectStatus.RUNNING, START, END,
                        null, "koordinator", T))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void theCoordinatorCompletesAProjectWithASummary() {
        fixture.given(ANNOUNCED)
                .when(new CompleteNetworkProject(PROJECT, "42 Teilnehmende", END, "koordinator", T))
                .expectEvents(COMPLETED);
    }

    @Test
    void aProjectCannotBeCompletedBeforeItStarted() {
        fixture.given(ANNOUNCED)
                .when(new CompleteNetworkProject(PROJECT, "42 Teilnehmende", START.minusDays(1), "koordinator", T))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aCompletionNeedsASummary() {
        fixture.given(ANNOUNCED)
                .when(new CompleteNetworkProject(PROJECT, "", END, "koordinator", T))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void theCoordinatorDropsAProjectWithAReason() {
        fixture.given(ANNOUNCED)
                .when(new DropNetworkProject(PROJECT, "keine Räume", "koordinator", T))
                .expectEvents(DROPPED);
    }

    @Test
    void aDroppingNeedsAReason() {
        fixture.given(ANNOUNCED)
                .when(new DropNetworkProject(PROJECT, " ", "koordinator", T))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aCompletedProjectCannotBeUpdated() {
        fixture.given(ANNOUNCED, COMPLETED)
                .when(update(NetworkProjectStatus.RUNNING, START, END, null))
                .expectException(Refusal.Conflict.class)
                .expectExceptionMessage("The project is COMPLETED and can no longer change.")
                .expectNoEvents();
    }

    @Test
    void aDroppedProjectCannotBeUpdated() {
        fixture.given(ANNOUNCED, DROPPED)
                .when(update(NetworkProjectStatus.RUNNING, START, END, null))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aProjectIsCompletedOnlyOnce() {
        fixture.given(ANNOUNCED, COMPLETED)
                .when(new CompleteNetworkProject(PROJECT, "noch einmal", END, "koordinator", T))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aProjectIsDroppedOnlyOnce() {
        fixture.given(ANNOUNCED, DROPPED)
                .when(new DropNetworkProject(PROJECT, "noch einmal", "koordinator", T))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aCompletedProjectCannotBeDropped() {
        fixture.given(ANNOUNCED, COMPLETED)
                .when(new DropNetworkProject(PROJECT, "doch nicht", "koordinator", T))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aDroppedProjectCannotBeCompleted() {
        fixture.given(ANNOUNCED, DROPPED)
                .when(new CompleteNetworkProject(PROJECT, "doch fertig", END, "koordinator", T))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }
}
