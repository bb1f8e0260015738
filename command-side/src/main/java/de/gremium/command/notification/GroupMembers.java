package de.gremium.command.notification;

import de.gremium.events.group.CoordinatorRoleAssigned;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberEmailChanged;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.events.group.NotificationDelivery;
import de.gremium.events.group.NotificationKind;
import de.gremium.events.group.NotificationSettingsChosen;
import de.gremium.events.privacy.PersonalData;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The group's members as the notifier needs them (address, settings, active or withdrawn, the coordinator), folded
 * from the group's stream in the record. Erased members read as {@link PersonalData#ERASED_PERSON} and are left out.
 */
record GroupMembers(Map<MemberId, Member> members, MemberId coordinator) {

    /** One member: their e-mail address (null if none) and their choice per kind (IMMEDIATELY where none was made). */
    record Member(MemberId id, String name, String email, boolean active, Map<NotificationKind, NotificationDelivery> deliveries) {

        NotificationDelivery delivery(NotificationKind kind) {
            return deliveries.getOrDefault(kind, NotificationDelivery.IMMEDIATELY);
        }

        Member with(String newEmail, boolean nowActive, Map<NotificationKind, NotificationDelivery> chosen) {
            Map<NotificationKind, NotificationDelivery> merged = new EnumMap<>(NotificationKind.class);
            merged.putAll(deliveries);
            merged.putAll(chosen);
            return new Member(id, name, newEmail, nowActive, Map.copyOf(merged));
        }
    }

    static GroupMembers of(List<Object> events) {
        Map<MemberId, Member> members = new LinkedHashMap<>();
        MemberId coordinator = null;
        for (Object event : events) {
            if (event instanceof MemberAppointed appointed) {
                Member before = members.get(appointed.memberId());
                members.put(appointed.memberId(), before == null
                        ? new Member(appointed.memberId(), appointed.name(), appointed.email(), true, Map.of())
                        : new Member(appointed.memberId(), appointed.name(), appointed.email(), true, before.deliveries()));
            } else if (event instanceof MemberWithdrew withdrew) {
                members.computeIfPresent(withdrew.memberId(), (id, m) -> m.with(m.email(), false, Map.of()));
            } else if (event instanceof MemberEmailChanged changed) {
                members.computeIfPresent(changed.memberId(), (id, m) -> m.with(changed.email(), m.active(), Map.of()));
            } else if (event instanceof NotificationSettingsChosen chosen) {
                members.computeIfPresent(chosen.memberId(), (id, m) -> m.with(m.email(), m.active(), chosen.deliveries()));
            } else if (event instanceof CoordinatorRoleAssigned assigned) {
                coordinator = assigned.memberId();
            }
        }
        members.remove(new MemberId(PersonalData.ERASED_PERSON));
        return new GroupMembers(Map.copyOf(members), coordinator);
    }

    /** The members who are active (not withdrawn), by user id. */
    List<Member> active() {
        return members.values().stream().filter(Member::active).sorted(Comparator.comparing(m -> m.id().value()))
                .toList();
    }

    Optional<Member> member(MemberId id) {
        return Optional.ofNullable(id).map(members::get);
    }

    Optional<Member> activeCoordinator() {
        return member(coordinator).filter(Member::active);
    }
}
