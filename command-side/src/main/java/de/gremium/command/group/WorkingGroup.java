package de.gremium.command.group;

import static de.gremium.platform.refusal.Refusal.conflict;
import static de.gremium.platform.refusal.Refusal.forbidden;
import static de.gremium.platform.refusal.Refusal.invalid;
import static de.gremium.platform.refusal.Refusal.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.gremium.command.values.EmailAddress;
import de.gremium.command.values.TextKind;
import de.gremium.events.group.AddUnit;
import de.gremium.events.group.AppointMember;
import de.gremium.events.group.AssignCoordinatorRole;
import de.gremium.events.group.AssignMayorsOfficeSeat;
import de.gremium.events.group.ChangeMemberEmail;
import de.gremium.events.group.ChooseNotificationSettings;
import de.gremium.events.group.ConstituteGroup;
import de.gremium.events.group.CoordinatorRoleAssigned;
import de.gremium.events.group.Department;
import de.gremium.events.group.GroupConstituted;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MayorsOfficeSeatAssigned;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberEmailChanged;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.events.group.NotificationDelivery;
import de.gremium.events.group.NotificationKind;
import de.gremium.events.group.NotificationSettingsChosen;
import de.gremium.events.group.RetireUnit;
import de.gremium.events.group.UnitAdded;
import de.gremium.events.group.UnitRetired;
import de.gremium.events.group.WithdrawMember;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** The working group's constitution: its departments and units, its members and who holds which seat. */
@Aggregate(cache = "aggregateCache")
public class WorkingGroup {

    @AggregateIdentifier
    private GroupId groupId;
    private final Map<String, String> activeUnits = new LinkedHashMap<>(); // unit -> department
    private final Map<MemberId, String> activeMembers = new HashMap<>(); // member -> unit
    private final Set<MemberId> withdrawn = new HashSet<>(); // withdrew, not appointed again
    private final Map<MemberId, String> emails = new HashMap<>(); // no entry: no address
    private final Map<MemberId, Map<NotificationKind, NotificationDelivery>> deliveries = new HashMap<>(); // chosen only
    private MemberId coordinator;
    private MemberId mayorsOfficeSeat;

    protected WorkingGroup() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public WorkingGroup(ConstituteGroup command) {
        TextKind.TITLE.require("name", command.name());
        if (command.departments() == null || command.departments().isEmpty()) {
            throw invalid("departments", "a group is constituted with at least one department");
        }
        Set<String> units = new HashSet<>();
        for (Department department : command.departments()) {
            TextKind.TITLE.require("departments.name", department.name());
            if (department.units().isEmpty()) {
                throw invalid("departments.units", "department " + department.name() + " sends no unit");
            }
            for (String unit : department.units()) {
                TextKind.TITLE.require("departments.units", unit);
                if (!units.add(unit)) {
                    throw invalid("departments.units", "unit " + unit + " is listed twice");
                }
            }
        }
        apply(new GroupConstituted(command.groupId(), command.name(), command.departments(), command.constitutedBy(),
                command.constitutedAt()));
    }

    @CommandHandler
    void handle(AddUnit command) {
        TextKind.TITLE.require("department", command.department());
        TextKind.TITLE.require("unit", command.unit());
        if (activeUnits.containsKey(command.unit())) {
            throw conflict("Unit " + command.unit() + " already takes part in the group.");
        }
        apply(new UnitAdded(groupId, command.department(), command.unit(), command.addedBy(), command.addedAt()));
    }

    @CommandHandler
    void handle(RetireUnit command) {
        requireUnitActive(command.unit());
        TextKind.SHORT_TEXT.require("reason", command.reason());
        if (activeMembers.containsValue(command.unit())) {
            throw conflict("Unit " + command.unit() + " still has members; withdraw them first.");
        }
        apply(new UnitRetired(groupId, command.unit(), command.reason(), command.retiredBy(), command.retiredAt()));
    }

    @CommandHandler
    void handle(AppointMember command) {
        TextKind.TITLE.require("memberId", command.memberId() == null ? null : command.memberId().value());
        TextKind.TITLE.require("name", command.name());
        requireUnitActive(command.unit());
        EmailAddress.optional("email", command.email());
        if (activeMembers.containsKey(command.memberId())) {
            throw conflict(command.memberId() + " is already a member (for " + activeMembers.get(command.memberId()) + ").");
        }
        apply(new MemberAppointed(groupId, command.memberId(), command.name(), command.unit(), command.appointedBy(),
                command.appointedAt(), command.email()));
    }

    @CommandHandler
    void handle(WithdrawMember command) {
        requireMember(command.memberId());
        apply(new MemberWithdrew(groupId, command.memberId(), command.reason() == null ? "" : command.reason(),
                command.withdrawnBy(), command.withdrawnAt()));
    }

    @CommandHandler
    void handle(ChangeMemberEmail command) {
        requireAppointed(command.memberId());
        EmailAddress.optional("email", command.email());
        if (Objects.equals(emails.get(command.memberId()), command.email())) {
            return; // the address stands as it is: nothing to record
        }
        apply(new MemberEmailChanged(groupId, command.memberId(), command.email(), command.changedBy(), command.changedAt()));
    }

    @CommandHandler
    void handle(ChooseNotificationSettings command) {
        requireAppointed(command.memberId());
        if (command.deliveries().isEmpty()) {
            throw invalid("deliveries", "choose a delivery for at least one kind of notification");
        }
        Map<NotificationKind, NotificationDelivery> changed = new EnumMap<>(NotificationKind.class);
        command.deliveries().forEach((kind, delivery) -> {
            if (delivery(command.memberId(), kind) != delivery) {
                changed.put(kind, delivery);
            }
        });
        if (changed.isEmpty()) {
            return; // every kind named keeps the delivery it has: nothing to record
        }
        apply(new NotificationSettingsChosen(groupId, command.memberId(), changed, command.chosenBy(), command.chosenAt()));
    }

    @CommandHandler
    void handle(AssignCoordinatorRole command) {
        requireMember(command.memberId());
        if (command.memberId().equals(coordinator)) {
            throw conflict(command.memberId() + " already holds the coordinator role.");
        }
        apply(new CoordinatorRoleAssigned(groupId, command.memberId(), command.assignedBy(), command.assignedAt()));
    }

    @CommandHandler
    void handle(AssignMayorsOfficeSeat command) {
        requireMember(command.memberId());
        if (command.memberId().equals(mayorsOfficeSeat)) {
            throw conflict(command.memberId() + " already holds the mayor's-office seat.");
        }
        apply(new MayorsOfficeSeatAssigned(groupId, command.memberId(), command.assignedBy(), command.assignedAt()));
    }

    /** What other commands' edges may check against (command-side lookup, never the query side). */
    public GroupFacts facts() {
        return new GroupFacts(Map.copyOf(activeUnits), Map.copyOf(activeMembers), coordinator, mayorsOfficeSeat,
                Set.copyOf(withdrawn));
    }

    private void requireUnitActive(String unit) {
        if (unit == null || !activeUnits.containsKey(unit)) {
            throw invalid("unit", "'" + unit + "' is not an active organisational unit of the group; active: "
                    + activeUnits.keySet());
        }
    }

    /**
     * A member's own data (address, settings) changes while they are appointed: one who withdrew is refused as
     * their other writes are (403), one never appointed is not found.
     */
    private void requireAppointed(MemberId member) {
        if (member != null && activeMembers.containsKey(member)) {
            return;
        }
        if (member != null && withdrawn.contains(member)) {
            throw forbidden("memberId", member + " is not an appointed member of the group any more: they withdrew from "
                    + "it, and a member who withdrew gets no notifications and changes no address or settings.");
        }
        throw notFound("Member " + member);
    }

    /** How the member hears of {@code kind}: what they chose, else {@link NotificationDelivery#IMMEDIATELY}. */
    private NotificationDelivery delivery(MemberId member, NotificationKind kind) {
        return deliveries.getOrDefault(member, Map.of()).getOrDefault(kind, NotificationDelivery.IMMEDIATELY);
    }

    private void requireMember(MemberId member) {
        if (member == null || !activeMembers.containsKey(member)) {
            throw invalid("memberId", member + " is not a member of the group");
        }
    }

    @EventSourcingHandler
    void on(GroupConstituted event) {
        groupId = event.groupId();
        event.departments().forEach(d -> d.units().forEach(u -> activeUnits.put(u, d.name())));
    }

    @EventSourcingHandler
    void on(UnitAdded event) {
        activeUnits.put(event.unit(), event.department());
    }

    @EventSourcingHandler
    void on(UnitRetired event) {
        activeUnits.remove(event.unit());
    }

    @EventSourcingHandler
    void on(MemberAppointed event) {
        activeMembers.put(event.memberId(), event.unit());
        withdrawn.remove(event.memberId());
        setEmail(event.memberId(), event.email());
    }

    @EventSourcingHandler
    void on(MemberEmailChanged event) {
        setEmail(event.memberId(), event.email());
    }

    @EventSourcingHandler
    void on(NotificationSettingsChosen event) {
        deliveries.computeIfAbsent(event.memberId(), m -> new EnumMap<>(NotificationKind.class)).putAll(event.deliveries());
    }

    private void setEmail(MemberId member, String email) {
        if (email == null) {
            emails.remove(member);
        } else {
            emails.put(member, email);
        }
    }

    @EventSourcingHandler
    void on(MemberWithdrew event) {
        activeMembers.remove(event.memberId());
        withdrawn.add(event.memberId());
        if (event.memberId().equals(coordinator)) {
            coordinator = null;
        }
        if (event.memberId().equals(mayorsOfficeSeat)) {
            mayorsOfficeSeat = null;
        }
    }

    @EventSourcingHandler
    void on(CoordinatorRoleAssigned event) {
        coordinator = event.memberId();
    }

    @EventSourcingHandler
    void on(MayorsOfficeSeatAssigned event) {
        mayorsOfficeSeat = event.memberId();
    }
}
