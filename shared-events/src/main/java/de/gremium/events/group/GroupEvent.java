package de.gremium.events.group;

import java.time.Instant;

/** What happens to the group's constitution and membership. */
public sealed interface GroupEvent permits GroupConstituted, UnitAdded, UnitRetired, MemberAppointed, MemberWithdrew,
        CoordinatorRoleAssigned, MayorsOfficeSeatAssigned, MemberEmailChanged, NotificationSettingsChosen {

    GroupId groupId();

    String actor();

    Instant occurredAt();
}
