package de.gremium.command.group;

import de.gremium.events.group.AddUnit;
import de.gremium.events.group.AppointMember;
import de.gremium.events.group.AssignCoordinatorRole;
import de.gremium.events.group.AssignMayorsOfficeSeat;
import de.gremium.events.group.ConstituteGroup;
import de.gremium.events.group.CoordinatorRoleAssigned;
import de.gremium.events.group.Department;
import de.gremium.events.group.GroupConstituted;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MayorsOfficeSeatAssigned;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.events.group.RetireUnit;
import de.gremium.events.group.UnitAdded;
import de.gremium.events.group.UnitRetired;
import de.gremium.events.group.WithdrawMember;
import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkingGroupTest {

    private static final GroupId G = GroupId.PROJEKTGRUPPE_INTEGRATION;
    private static final Instant T = Instant.parse("2026-01-07T09:00:00Z");
    private static final List<Department> AS_CONSTITUTED = List.of(
            new Department("Bereich OB", List.of("Amt 16", "Öffentlichkeitsarbeit")),
            new Department("Dezernat I", List.of("FB 32")),
            new Department("Dezernat III", List.of("Team 1")),
            new Department("Dezernat IV", List.of("IV/01")),
            new Department("Dezernat V", List.of("Amt 50", "Amt 51")),
            new Department("Dezernat VI", List.of("Amt 61")));
    private static final GroupConstituted CONSTITUTED =
            new GroupConstituted(G, "Projektgruppe Integration", AS_CONSTITUTED, "system", T);
    private static final MemberId ANNA = new MemberId("anna.amt50");
    private static final MemberAppointed ANNA_APPOINTED = new MemberAppointed(G, ANNA, "Anna Becker", "Amt 50", "koordinator", T, null);

    private FixtureConfiguration<WorkingGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorkingGroup.class);
    }

    @Test
    void theGroupIsConstitutedWithTheDepartmentsAndUnitsOfTheRulesOfProcedure() {
        fixture.givenNoPriorActivity()
                .when(new ConstituteGroup(G, "Projektgruppe Integration", AS_CONSTITUTED, "system", T))
                .expectEvents(CONSTITUTED);
    }

    @Test
    void aUnitListedTwiceInTheConstitutionIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ConstituteGroup(G, "PG", List.of(new Department("Dezernat V", List.of("Amt 50", "Amt 50"))), "system", T))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aNewUnitCanJoinUnderANewDepartment() {
        fixture.given(CONSTITUTED)
                .when(new AddUnit(G, "Dezernat II", "Amt 40", "koordinator", T))
                .expectEvents(new UnitAdded(G, "Dezernat II", "Amt 40", "koordinator", T));
    }

    @Test
    void aUnitThatAlreadyTakesPartCannotBeAddedAgain() {
        fixture.given(CONSTITUTED)
                .when(new AddUnit(G, "Dezernat V", "Amt 50", "koordinator", T))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aUnitWithoutMembersCanBeRetired() {
        fixture.given(CONSTITUTED)
                .when(new RetireUnit(G, "Team 1", "Aufgaben übergegangen", "koordinator", T))
                .expectEvents(new UnitRetired(G, "Team 1", "Aufgaben übergegangen", "koordinator", T));
    }

    @Test
    void aUnitWithMembersCannotBeRetired() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED)
                .when(new RetireUnit(G, "Amt 50", "weg", "koordinator", T))
                .expectException(Refusal.Conflict.class)
                .expectExceptionMessage("Unit Amt 50 still has members; withdraw them first.")
                .expectNoEvents();
    }

    @Test
    void aMemberIsAppointedOnBehalfOfAnActiveUnit() {
        fixture.given(CONSTITUTED)
                .when(new AppointMember(G, ANNA, "Anna Becker", "Amt 50", "koordinator", T, null))
                .expectEvents(ANNA_APPOINTED);
    }

    @Test
    void nobodyIsAppointedForAUnitThatIsNotPartOfTheGroup() {
        fixture.given(CONSTITUTED)
                .when(new AppointMember(G, ANNA, "Anna Becker", "Amt 99", "koordinator", T, null))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void nobodyIsAppointedForARetiredUnit() {
        fixture.given(CONSTITUTED, new UnitRetired(G, "Team 1", "weg", "koordinator", T))
                .when(new AppointMember(G, ANNA, "Anna Becker", "Team 1", "koordinator", T, null))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aMemberCannotBeAppointedTwice() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED)
                .when(new AppointMember(G, ANNA, "Anna Becker", "Amt 51", "koordinator", T, null))
                .expectException(Refusal.Conflict.class)
                .expectNoEvents();
    }

    @Test
    void aMemberCanWithdraw() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED)
                .when(new WithdrawMember(G, ANNA, "Ruhestand", "anna.amt50", T))
                .expectEvents(new MemberWithdrew(G, ANNA, "Ruhestand", "anna.amt50", T));
    }

    @Test
    void someoneWhoIsNotAMemberCannotWithdraw() {
        fixture.given(CONSTITUTED)
                .when(new WithdrawMember(G, ANNA, null, "koordinator", T))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void theCoordinatorRoleGoesToAMember() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED)
                .when(new AssignCoordinatorRole(G, ANNA, "system", T))
                .expectEvents(new CoordinatorRoleAssigned(G, ANNA, "system", T));
    }

    @Test
    void theCoordinatorRoleCannotGoToSomeoneWhoIsNotAMember() {
        fixture.given(CONSTITUTED)
                .when(new AssignCoordinatorRole(G, ANNA, "system", T))
                .expectException(Refusal.Invalid.class)
                .expectNoEvents();
    }

    @Test
    void theMayorsOfficeSeatGoesToAMember() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED)
                .when(new AssignMayorsOfficeSeat(G, ANNA, "system", T))
                .expectEvents(new MayorsOfficeSeatAssigned(G, ANNA, "system", T));
    }

    @Test
    void aWithdrawnCoordinatorNoLongerHoldsTheRoleSoItCanBeAssignedAgainLater() {
        fixture.given(CONSTITUTED, ANNA_APPOINTED, new CoordinatorRoleAssigned(G, ANNA, "system", T),
                        new MemberWithdrew(G, ANNA, "", "anna.amt50", T),
                        new MemberAppointed(G, ANNA, "Anna Becker", "Amt 50", "system", T, null))
                .when(new AssignCoordinatorRole(G, ANNA, "system", T))
                .expectEvents(new CoordinatorRoleAssigned(G, ANNA, "system", T));
    }
}
