package de.gremium.command.group;

import static de.gremium.events.group.NotificationDelivery.IMMEDIATELY;
import static de.gremium.events.group.NotificationDelivery.NEVER;
import static de.gremium.events.group.NotificationDelivery.WEEKLY_DIGEST;
import static de.gremium.events.group.NotificationKind.AGENDAS;
import static de.gremium.events.group.NotificationKind.DECISIONS;
import static de.gremium.events.group.NotificationKind.MINUTES;

import de.gremium.events.group.AppointMember;
import de.gremium.events.group.ChangeMemberEmail;
import de.gremium.events.group.ChooseNotificationSettings;
import de.gremium.events.group.Department;
import de.gremium.events.group.GroupConstituted;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberEmailChanged;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.events.group.NotificationSettingsChosen;
import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A member's e-mail address and notification settings, as the working group records them. */
class WorkingGroupEmailAndSettingsTest {

    private static final GroupId G = GroupId.PROJEKTGRUPPE_INTEGRATION;
    private static final Instant T = Instant.parse("2026-01-07T09:00:00Z");
    private static final GroupConstituted CONSTITUTED = new GroupConstituted(G, "Projektgruppe Integration",
            List.of(new Department("Dezernat V", List.of("Amt 50"))), "system", T);
    private static final MemberId ANNA = new MemberId("anna.amt50");
    private static final String ANNAS_ADDRESS = "anna.becker@magdeburg.example";
    private static final MemberAppointed ANNA_APPOINTED =
            new MemberAppointed(G, ANNA, "Anna Becker", "Amt 50", "koordinator", T, ANNAS_ADDRESS);
    private static final MemberWithdrew ANNA_WITHDREW = new MemberWithdrew(G, ANNA, "", "anna.amt50", T);

    private FixtureConfiguration<WorkingGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorkingGroup.class);
    }

    @Test
    void aMemberIsAppointedWithTheirAddress() {
        fixture.given(CONSTITUTED)
                .when(new AppointMember(G, ANNA, "Anna Becker", "Amt 50", "koordinator", T, ANNAS_ADDRESS))
                .expectEvents(ANNA_APPOINTED);
    }

    @Test
    void anAppointmentWithWhatIsNotAnAddressIsRefused() {
        fixture.given(CONSTITUTED)
                .when(new AppointMember(G, ANNA, "Anna Becker", "Amt 50", "koordinator", T, "Anna <anna@magdeburg.example>"))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aMemberChangesTheirAddress() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED)
                .when(new ChangeMemberEmail(G, ANNA, "a.becker@magdeburg.example", "anna.amt50", T))
                .expectEvents(new MemberEmailChanged(G, ANNA, "a.becker@magdeburg.example", "anna.amt50", T));
    }

    @Test
    void aMemberRemovesTheirAddress() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED)
                .when(new ChangeMemberEmail(G, ANNA, null, "anna.amt50", T))
                .expectEvents(new MemberEmailChanged(G, ANNA, null, "anna.amt50", T));
    }

    @Test
    void theSameAddressAgainRecordsNothing() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED)
                .when(new ChangeMemberEmail(G, ANNA, ANNAS_ADDRESS, "anna.amt50", T))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void removingAnAddressThatIsNotThereRecordsNothing() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED, new MemberEmailChanged(G, ANNA, null, "anna.amt50", T))
                .when(new ChangeMemberEmail(G, ANNA, null, "koordinator", T))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAddressWithoutADomainIsRefusedNamingTheField() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED)
                .when(new ChangeMemberEmail(G, ANNA, "anna.becker", "anna.amt50", T))
                .expectException(Refusal.Invalid.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("email "))
                .expectNoEvents();
    }

    @Test
    void theAddressOfSomeoneNeverAppointedIsNotFound() {
        fixture.given(CONSTITUTED)
                .when(new ChangeMemberEmail(G, ANNA, ANNAS_ADDRESS, "koordinator", T))
                .expectException(Refusal.NotFound.class)
                .expectNoEvents();
    }

    @Test
    void aMemberWhoWithdrewChangesNoAddress() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED, ANNA_WITHDREW)
                .when(new ChangeMemberEmail(G, ANNA, "a.becker@magdeburg.example", "anna.amt50", T))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void aMemberAppointedAgainWithoutAnAddressHasNoneLeftToRemove() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED, ANNA_WITHDREW,
                        new MemberAppointed(G, ANNA, "Anna Becker", "Amt 50", "koordinator", T, null))
                .when(new ChangeMemberEmail(G, ANNA, null, "anna.amt50", T))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMemberChoosesAWeeklyDigestForAgendasAndNothingForDecisions() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED)
                .when(new ChooseNotificationSettings(G, ANNA, Map.of(AGENDAS, WEEKLY_DIGEST, DECISIONS, NEVER), "anna.amt50", T))
                .expectEvents(new NotificationSettingsChosen(G, ANNA, Map.of(AGENDAS, WEEKLY_DIGEST, DECISIONS, NEVER),
                        "anna.amt50", T));
    }

    @Test
    void onlyTheKindsWhoseDeliveryChangesAreRecorded() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED,
                        new NotificationSettingsChosen(G, ANNA, Map.of(AGENDAS, WEEKLY_DIGEST), "anna.amt50", T))
                .when(new ChooseNotificationSettings(G, ANNA, Map.of(AGENDAS, WEEKLY_DIGEST, MINUTES, NEVER), "anna.amt50", T))
                .expectEvents(new NotificationSettingsChosen(G, ANNA, Map.of(MINUTES, NEVER), "anna.amt50", T));
    }

    @Test
    void choosingImmediatelyForAKindNeverChosenRecordsNothing() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED)
                .when(new ChooseNotificationSettings(G, ANNA, Map.of(MINUTES, IMMEDIATELY), "anna.amt50", T))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aKindChosenBackToImmediatelyIsRecorded() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED,
                        new NotificationSettingsChosen(G, ANNA, Map.of(AGENDAS, NEVER), "anna.amt50", T))
                .when(new ChooseNotificationSettings(G, ANNA, Map.of(AGENDAS, IMMEDIATELY), "koordinator", T))
                .expectEvents(new NotificationSettingsChosen(G, ANNA, Map.of(AGENDAS, IMMEDIATELY), "koordinator", T));
    }

    @Test
    void settingsThatNameNoKindAreRefused() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED)
                .when(new ChooseNotificationSettings(G, ANNA, Map.of(), "anna.amt50", T))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aMemberWhoWithdrewChoosesNoSettings() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED, ANNA_WITHDREW)
                .when(new ChooseNotificationSettings(G, ANNA, Map.of(AGENDAS, NEVER), "koordinator", T))
                .expectException(Refusal.Forbidden.class)
                .expectNoEvents();
    }

    @Test
    void theSettingsOfSomeoneNeverAppointedAreNotFound() {
        fixture.given(CONSTITUTED)
                .when(new ChooseNotificationSettings(G, ANNA, Map.of(AGENDAS, NEVER), "koordinator", T))
                .expectException(Refusal.NotFound.class)
                .expectNoEvents();
    }
}
