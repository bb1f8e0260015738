package de.gremium.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.events.group.CoordinatorRoleAssigned;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberEmailChanged;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.events.group.NotificationDelivery;
import de.gremium.events.group.NotificationKind;
import de.gremium.events.group.NotificationSettingsChosen;
import de.gremium.events.meeting.MeetingCancelled;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingPlanned;
import de.gremium.events.meeting.MeetingRescheduled;
import de.gremium.events.meeting.MeetingScheduled;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The folds of the record the letters are written from. */
class RecordFoldsTest {

    private static final GroupId G = GroupId.PROJEKTGRUPPE_INTEGRATION;
    private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");
    private static final MemberId ANNA = new MemberId("anna.amt50");
    private static final MemberId ERASED = new MemberId(PersonalData.ERASED_PERSON);
    private static final MeetingId M = new MeetingId("regular-2027-Q1");

    @Test
    void erasedMembersReadAsPlaceholdersAndAreNoRecipientsEvenWhileTheirAppointmentStands() {
        GroupMembers group = GroupMembers.of(List.of(
                new MemberAppointed(G, ERASED, PersonalData.ERASED_PERSON, "Amt 50", "system", T, PersonalData.ERASED_PERSON),
                new MemberAppointed(G, ANNA, "Anna Becker", "Amt 50", "system", T, "anna@example.org"),
                new CoordinatorRoleAssigned(G, ERASED, "system", T)));

        assertThat(group.active()).extracting(GroupMembers.Member::id).containsExactly(ANNA);
        assertThat(group.activeCoordinator()).isEmpty();
    }

    @Test
    void aMembersAddressSettingsAndWithdrawalAreFoldedInOrder() {
        GroupMembers group = GroupMembers.of(List.of(
                new MemberAppointed(G, ANNA, "Anna Becker", "Amt 50", "system", T, null),
                new MemberEmailChanged(G, ANNA, "anna@example.org", "anna.amt50", T),
                new NotificationSettingsChosen(G, ANNA, Map.of(NotificationKind.MINUTES, NotificationDelivery.NEVER), "anna.amt50", T),
                new NotificationSettingsChosen(G, ANNA, Map.of(NotificationKind.AGENDAS, NotificationDelivery.WEEKLY_DIGEST), "anna.amt50", T)));

        GroupMembers.Member anna = group.member(ANNA).orElseThrow();
        assertThat(anna.email()).isEqualTo("anna@example.org");
        assertThat(anna.delivery(NotificationKind.MINUTES)).isEqualTo(NotificationDelivery.NEVER);
        assertThat(anna.delivery(NotificationKind.AGENDAS)).isEqualTo(NotificationDelivery.WEEKLY_DIGEST);
        assertThat(anna.delivery(NotificationKind.DECISIONS)).isEqualTo(NotificationDelivery.IMMEDIATELY);
        assertThat(GroupMembers.of(List.of(new MemberAppointed(G, ANNA, "Anna Becker", "Amt 50", "system", T, "a@example.org"),
                new MemberWithdrew(G, ANNA, "", "system", T))).active()).isEmpty();
    }

    @Test
    void theSequenceFollowsTheFeedsRule() {
        MeetingPlanned planned = new MeetingPlanned(M, 2027, 1, MeetingKind.REGULAR, "Sitzung Q1/2027", 60, "k", T);
        MeetingScheduled scheduled = new MeetingScheduled(M, T, T.plusSeconds(3600), "Raum", "k", T);
        MeetingRescheduled moved = new MeetingRescheduled(M, T.plusSeconds(7200), T.plusSeconds(10800), "Raum", "weil", "k", T);
        MeetingCancelled cancelled = new MeetingCancelled(M, "weil", "k", T);

        assertThat(MeetingFacts.of(List.of(planned, scheduled)).sequence).isZero();
        assertThat(MeetingFacts.of(List.of(planned, scheduled, moved)).sequence).isEqualTo(1);
        assertThat(MeetingFacts.of(List.of(planned, scheduled, moved, cancelled)).sequence).isEqualTo(2);
        assertThat(MeetingFacts.of(List.of(planned, cancelled)).sequence).as("never in a calendar").isZero();
        assertThat(MeetingFacts.of(List.of(planned, scheduled)).label()).isEqualTo("Sitzung Q1/2027");
    }
}
