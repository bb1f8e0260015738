package de.gremium.query.oparl;

import static de.gremium.query.oparl.OParlWrites.values;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.events.group.CoordinatorRoleAssigned;
import de.gremium.events.group.Department;
import de.gremium.events.group.GroupConstituted;
import de.gremium.events.group.MayorsOfficeSeatAssigned;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.events.group.UnitAdded;
import de.gremium.events.group.UnitRetired;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The OParl system, the body, its legislative term, the group and its departments and units as organizations,
 * and the members as persons with their memberships. A membership is one appointment
 * ({@code membership/<memberId>-<sequence>}); its role follows the coordinator role and the mayor's office seat.
 */
@Component
@ProcessingGroup(OParlGroupProjection.GROUP)
public class OParlGroupProjection {

    /** The processing group of every OParl projection (one token, one collection: {@code oparl_objects}). */
    public static final String GROUP = "oparl";

    static final String MEMBER = "Mitglied";
    static final String COORDINATOR = "Koordination";
    static final String MAYORS_OFFICE = "Vertretung des Büros des Oberbürgermeisters";

    private final OParlWrites writes;

    public OParlGroupProjection(MongoTemplate mongo) {
        this.writes = new OParlWrites(mongo);
    }

    @EventHandler
    void on(GroupConstituted event, @Timestamp Instant at) {
        writes.put(OParlPaths.SYSTEM, OParlKind.SYSTEM, null, at, values(
                "oparlVersion", OParlKind.SCHEMA,
                "name", "Gremium – " + event.name()), values("body", OParlPaths.BODIES));
        writes.put(OParlPaths.BODY, OParlKind.BODY, null, at, values(
                "name", "Landeshauptstadt Magdeburg",
                "shortName", "Magdeburg",
                "oparlSince", OParlPaths.dateTime(at)), values(
                "system", OParlPaths.SYSTEM,
                "mainOrganization", OParlPaths.GROUP,
                "organization", OParlPaths.list(OParlKind.ORGANIZATION),
                "person", OParlPaths.list(OParlKind.PERSON),
                "meeting", OParlPaths.list(OParlKind.MEETING),
                "paper", OParlPaths.list(OParlKind.PAPER),
                "agendaItem", OParlPaths.list(OParlKind.AGENDA_ITEM),
                "consultation", OParlPaths.list(OParlKind.CONSULTATION),
                "membership", OParlPaths.list(OParlKind.MEMBERSHIP),
                "legislativeTermList", OParlPaths.list(OParlKind.LEGISLATIVE_TERM)));
        writes.put(OParlPaths.TERM, OParlKind.LEGISLATIVE_TERM, OParlPaths.BODY, at, values(
                "name", event.name() + " seit " + OParlPaths.date(at),
                "startDate", OParlPaths.date(at)), values("body", OParlPaths.BODY));
        writes.put(OParlPaths.GROUP, OParlKind.ORGANIZATION, null, at, values(
                "name", event.name(),
                "organizationType", "Gremium",
                "classification", "Projektgruppe",
                "startDate", OParlPaths.date(at)), values("body", OParlPaths.BODY));
        for (Department department : event.departments()) {
            putDepartment(department.name(), at);
            department.units().forEach(unit -> putUnit(unit, department.name(), at));
        }
    }

    @EventHandler
    void on(UnitAdded event, @Timestamp Instant at) {
        if (writes.find(OParlPaths.department(event.department())) == null) {
            putDepartment(event.department(), at);
        }
        putUnit(event.unit(), event.department(), at);
    }

    @EventHandler
    void on(UnitRetired event, @Timestamp Instant at) {
        writes.change(OParlPaths.unit(event.unit()), at, new Update().set("fields.endDate", OParlPaths.date(at)));
    }

    @EventHandler
    void on(MemberAppointed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String person = OParlPaths.person(event.memberId().value());
        writes.put(person, OParlKind.PERSON, null, at, values("name", event.name()), values("body", OParlPaths.BODY));
        writes.put(OParlKind.MEMBERSHIP.id(event.memberId().value() + "-" + sequence), OParlKind.MEMBERSHIP, person, at,
                values("role", MEMBER, "votingRight", true, "startDate", OParlPaths.date(at)), values(
                        "person", person,
                        "organization", OParlPaths.GROUP,
                        "onBehalfOf", OParlPaths.unit(event.unit())));
        writes.mongo().updateFirst(query(where("_id").is(OParlKind.MEMBERSHIP.id(event.memberId().value() + "-" + sequence))),
                new Update().set("internal.fromSequence", sequence), OParlObject.class);
    }

    @EventHandler
    void on(MemberWithdrew event, @SequenceNumber long sequence, @Timestamp Instant at) {
        for (OParlObject membership : currentMemberships(event.memberId(), sequence)) {
            writes.change(membership.id(), at, new Update().set("fields.endDate", OParlPaths.date(at)));
            writes.touch(membership.parent(), at);
        }
    }

    @EventHandler
    void on(CoordinatorRoleAssigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moveRole("coordinator", event.memberId(), sequence, at);
    }

    @EventHandler
    void on(MayorsOfficeSeatAssigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moveRole("mayorsOffice", event.memberId(), sequence, at);
    }

    /** A replay starts from an empty collection (emptied, not dropped, so that its indexes stay). */
    @ResetHandler
    void reset() {
        writes.mongo().remove(new Query(), OParlObject.class);
    }

    /** The previous holder's membership loses the role, the new holder's current one gains it. */
    private void moveRole(String role, MemberId holder, long sequence, Instant at) {
        List<OParlObject> previous = writes.mongo().find(query(where("kind").is(OParlKind.MEMBERSHIP)
                .and("internal." + role).is(true).and("parent").ne(OParlPaths.person(holder.value()))), OParlObject.class);
        for (OParlObject membership : previous) {
            setRoles(membership, role, false, at);
        }
        for (OParlObject membership : currentMemberships(holder, sequence)) {
            setRoles(membership, role, true, at);
        }
    }

    private void setRoles(OParlObject membership, String role, boolean holds, Instant at) {
        boolean coordinator = role.equals("coordinator") ? holds : Boolean.TRUE.equals(membership.internal().get("coordinator"));
        boolean mayorsOffice = role.equals("mayorsOffice") ? holds : Boolean.TRUE.equals(membership.internal().get("mayorsOffice"));
        String name = coordinator && mayorsOffice ? COORDINATOR + ", " + MAYORS_OFFICE
                : coordinator ? COORDINATOR : mayorsOffice ? MAYORS_OFFICE : MEMBER;
        if (name.equals(membership.fields().get("role"))) {
            return;
        }
        writes.change(membership.id(), at, new Update().set("internal." + role, holds).set("fields.role", name));
        writes.touch(membership.parent(), at);
    }

    /** The member's memberships that began before this event and have not ended. */
    private List<OParlObject> currentMemberships(MemberId member, long sequence) {
        return writes.mongo().find(query(where("kind").is(OParlKind.MEMBERSHIP).and("parent").is(OParlPaths.person(member.value()))
                .and("fields.endDate").exists(false).and("internal.fromSequence").lt(sequence)), OParlObject.class);
    }

    private void putDepartment(String name, Instant at) {
        writes.put(OParlPaths.department(name), OParlKind.ORGANIZATION, null, at, values(
                "name", name,
                "organizationType", "Verwaltungsbereich",
                "classification", "Dezernat",
                "startDate", OParlPaths.date(at)), values("body", OParlPaths.BODY));
    }

    private void putUnit(String unit, String department, Instant at) {
        OParlObject existing = writes.find(OParlPaths.unit(unit));
        boolean again = existing != null && existing.fields().containsKey("endDate");
        writes.put(OParlPaths.unit(unit), OParlKind.ORGANIZATION, null, at, values(
                "name", unit,
                "organizationType", "Verwaltungsbereich",
                "classification", "Organisationseinheit",
                "startDate", existing == null || again ? OParlPaths.date(at) : existing.fields().get("startDate"),
                "endDate", null), values("body", OParlPaths.BODY, "subOrganizationOf", OParlPaths.department(department)));
    }
}
