package de.gremium.command.privacy;

import de.gremium.command.group.WorkingGroup;
import de.gremium.events.group.AppointMember;
import de.gremium.events.group.AssignCoordinatorRole;
import de.gremium.events.group.CoordinatorRoleAssigned;
import de.gremium.events.group.Department;
import de.gremium.events.group.GroupConstituted;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.events.group.WithdrawMember;
import de.gremium.events.privacy.PersonalData;
import de.gremium.platform.refusal.Refusal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The group as it reads after two members were erased: both read as the same placeholder, interleaved as they
 * happened. It still loads and decides: the placeholder is no member, and the erased user ids can be appointed again.
 */
class ErasedMembersTest {

    private static final GroupId G = GroupId.PROJEKTGRUPPE_INTEGRATION;
    private static final Instant T = Instant.parse("2026-01-07T09:00:00Z");
    private static final MemberId ERASED = new MemberId(PersonalData.ERASED_PERSON);
    private static final String ERASED_NAME = PersonalData.ERASED_PERSON;
    private static final MemberId ANNA = new MemberId("anna.amt50");

    private static final List<Object> READ_AFTER_TWO_ERASURES = List.of(
            new GroupConstituted(G, "Projektgruppe Integration", List.of(new Department("Dezernat V", List.of("Amt 50"))),
                    "system", T),
            new MemberAppointed(G, ERASED, ERASED_NAME, "Amt 50", "koordinator", T, null),
            new MemberAppointed(G, ERASED, ERASED_NAME, "Amt 50", "koordinator", T, null),
            new CoordinatorRoleAssigned(G, ERASED, "koordinator", T),
            new MemberWithdrew(G, ERASED, PersonalData.ERASED_TEXT, ERASED.value(), T),
            new MemberAppointed(G, ANNA, "Anna Becker", "Amt 50", "koordinator", T, null),
            new MemberWithdrew(G, ERASED, "", "koordinator", T));

    private FixtureConfiguration<WorkingGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WorkingGroup.class);
    }

    @Test
    void thePlaceholderIsNoMemberOfTheGroup() {
        fixture.given(READ_AFTER_TWO_ERASURES).when(new WithdrawMember(G, ERASED, null, "koordinator", T))
                .expectException(Refusal.Invalid.class);
    }

    @Test
    void theErasedPlaceholderHoldsNoSeatAndTheLiveMembersStillDecide() {
        fixture.given(READ_AFTER_TWO_ERASURES).when(new AssignCoordinatorRole(G, ANNA, "koordinator", T))
                .expectEvents(new CoordinatorRoleAssigned(G, ANNA, "koordinator", T));
    }

    @Test
    void anErasedPersonCanBeAppointedAgainUnderTheirUserId() {
        fixture.given(READ_AFTER_TWO_ERASURES).when(new AppointMember(G, new MemberId("jonas.fb32"), "Jonas Wolf", "Amt 50", "koordinator", T, null))
                .expectEvents(new MemberAppointed(G, new MemberId("jonas.fb32"), "Jonas Wolf", "Amt 50", "koordinator", T, null));
    }
}
