package de.gremium.query.group;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import de.gremium.events.group.CoordinatorRoleAssigned;
import de.gremium.events.group.Department;
import de.gremium.events.group.GroupConstituted;
import de.gremium.events.group.MayorsOfficeSeatAssigned;
import de.gremium.events.group.MemberAppointed;
import de.gremium.events.group.MemberEmailChanged;
import de.gremium.events.group.MemberId;
import de.gremium.events.group.MemberWithdrew;
import de.gremium.events.group.NotificationSettingsChosen;
import de.gremium.events.group.UnitAdded;
import de.gremium.events.group.UnitRetired;
import de.gremium.events.privacy.PersonalData;
import de.gremium.query.group.MemberView.MemberStatus;
import de.gremium.query.group.UnitView.UnitStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Builds the member directory: units, members with their roles, and every period in which a member
 * represented a unit. All group events share one aggregate, so the sequence number orders them; each
 * document remembers the sequence of the last event applied to it ({@code version}), and an update
 * applies only to documents that have not seen that event yet. Documents are created by upserts that
 * set their fields on insert only. A replayed or redelivered event therefore changes nothing.
 *
 * <p>A member's e-mail address is kept only while it is one: after an erasure the record reads it (and the member's
 * id) as a placeholder, and the rebuilt directory then holds no address for the member ({@link #address}).
 */
@Component
@ProcessingGroup(MemberDirectoryProjection.GROUP)
public class MemberDirectoryProjection {

    public static final String GROUP = "member-directory";

    /** Room for the departments and units of one event inside one rank step. */
    private static final long RANK_STEP = 1_000_000L;

    private final MongoTemplate mongo;

    public MemberDirectoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(GroupConstituted event, @SequenceNumber long sequence) {
        List<Department> departments = event.departments();
        for (int d = 0; d < departments.size(); d++) {
            List<String> units = departments.get(d).units();
            for (int u = 0; u < units.size(); u++) {
                insertUnit(units.get(u), departments.get(d).name(), sequence * RANK_STEP + d * 1_000L + u,
                        event.constitutedBy(), event.constitutedAt(), sequence);
            }
        }
    }

    @EventHandler
    void on(UnitAdded event, @SequenceNumber long sequence) {
        insertUnit(event.unit(), event.department(), sequence * RANK_STEP, event.addedBy(), event.addedAt(), sequence);
        // a unit retired earlier and added again
        updateUnit(event.unit(), sequence, new Update()
                .set("department", event.department())
                .set("status", UnitStatus.ACTIVE)
                .set("addedBy", event.addedBy())
                .set("addedAt", event.addedAt())
                .unset("retiredBy").unset("retiredAt").unset("retirementReason"));
    }

    @EventHandler
    void on(UnitRetired event, @SequenceNumber long sequence) {
        updateUnit(event.unit(), sequence, new Update()
                .set("status", UnitStatus.RETIRED)
                .set("retiredBy", event.retiredBy())
                .set("retiredAt", event.retiredAt())
                .set("retirementReason", event.reason()));
    }

    @EventHandler
    void on(MemberAppointed event, @SequenceNumber long sequence) {
        String member = event.memberId().value();
        String email = address(event.memberId(), event.email());
        Update insert = new Update()
                .setOnInsert("name", event.name())
                .setOnInsert("unit", event.unit())
                .setOnInsert("status", MemberStatus.ACTIVE)
                .setOnInsert("roles", Set.of())
                .setOnInsert("appointedBy", event.appointedBy())
                .setOnInsert("appointedAt", event.appointedAt())
                .setOnInsert("version", sequence);
        if (email != null) {
            insert.setOnInsert("email", email);
        }
        mongo.upsert(query(where("_id").is(member)), insert, MemberView.class);
        // a member who withdrew earlier and is appointed again: the address of this appointment, the settings kept
        Update reappointed = new Update()
                .set("name", event.name())
                .set("unit", event.unit())
                .set("status", MemberStatus.ACTIVE)
                .set("roles", Set.of())
                .set("appointedBy", event.appointedBy())
                .set("appointedAt", event.appointedAt())
                .unset("withdrawnAt").unset("withdrawalReason");
        updateMember(member, sequence, email == null ? reappointed.unset("email") : reappointed.set("email", email));
        mongo.upsert(query(where("_id").is(member + "#" + sequence)), new Update()
                .setOnInsert("memberId", member)
                .setOnInsert("name", event.name())
                .setOnInsert("unit", event.unit())
                .setOnInsert("from", event.appointedAt())
                .setOnInsert("fromSequence", sequence), RepresentationPeriod.class);
    }

    @EventHandler
    void on(MemberWithdrew event, @SequenceNumber long sequence) {
        String member = event.memberId().value();
        // the command side drops a withdrawn member's seats with them
        updateMember(member, sequence, new Update()
                .set("status", MemberStatus.WITHDRAWN)
                .set("roles", Set.of())
                .set("withdrawnAt", event.withdrawnAt())
                .set("withdrawalReason", event.reason()));
        mongo.updateFirst(query(where("memberId").is(member).and("until").is(null).and("fromSequence").lt(sequence)),
                new Update().set("until", event.withdrawnAt()).set("untilSequence", sequence), RepresentationPeriod.class);
    }

    @EventHandler
    void on(MemberEmailChanged event, @SequenceNumber long sequence) {
        String email = address(event.memberId(), event.email());
        updateMember(event.memberId().value(), sequence,
                email == null ? new Update().unset("email") : new Update().set("email", email));
    }

    /** The kinds named change, the others keep what they had. */
    @EventHandler
    void on(NotificationSettingsChosen event, @SequenceNumber long sequence) {
        Update update = new Update();
        event.deliveries().forEach((kind, delivery) -> update.set("notifications." + kind.name(), delivery));
        updateMember(event.memberId().value(), sequence, update);
    }

    @EventHandler
    void on(CoordinatorRoleAssigned event, @SequenceNumber long sequence) {
        moveRole(MemberRole.COORDINATOR, event.memberId(), sequence);
    }

    @EventHandler
    void on(MayorsOfficeSeatAssigned event, @SequenceNumber long sequence) {
        moveRole(MemberRole.MAYORS_OFFICE_SEAT, event.memberId(), sequence);
    }

    /** A replay starts from an empty directory (emptied, not dropped, so that the indexes stay). */
    @ResetHandler
    void reset() {
        mongo.remove(new Query(), UnitView.class);
        mongo.remove(new Query(), MemberView.class);
        mongo.remove(new Query(), RepresentationPeriod.class);
    }

    /** The previous holder loses the role, the new one gains it. */
    private void moveRole(MemberRole role, MemberId holder, long sequence) {
        mongo.updateMulti(query(where("roles").is(role).and("_id").ne(holder.value()).and("version").lt(sequence)),
                new Update().pull("roles", role).set("version", sequence), MemberView.class);
        updateMember(holder.value(), sequence, new Update().addToSet("roles", role));
    }

    /**
     * The address to keep, or null: none given, blank, or read as an erasure's placeholder (the address's own, or the
     * member's id, whose key erases both).
     */
    static String address(MemberId member, String email) {
        if (email == null || email.isBlank() || isPlaceholder(email) || isPlaceholder(member.value())) {
            return null;
        }
        return email;
    }

    private static boolean isPlaceholder(String value) {
        return PersonalData.ERASED_PERSON.equals(value) || PersonalData.ERASED_TEXT.equals(value);
    }

    private void insertUnit(String unit, String department, long rank, String by, Instant at, long sequence) {
        mongo.upsert(query(where("_id").is(unit)), new Update()
                .setOnInsert("key", UnitKeys.of(unit))
                .setOnInsert("department", department)
                .setOnInsert("status", UnitStatus.ACTIVE)
                .setOnInsert("rank", rank)
                .setOnInsert("addedBy", by)
                .setOnInsert("addedAt", at)
                .setOnInsert("version", sequence), UnitView.class);
    }

    private void updateUnit(String unit, long sequence, Update update) {
        mongo.updateFirst(query(where("_id").is(unit).and("version").lt(sequence)), update.set("version", sequence),
                UnitView.class);
    }

    private void updateMember(String member, long sequence, Update update) {
        mongo.updateFirst(query(where("_id").is(member).and("version").lt(sequence)), update.set("version", sequence),
                MemberView.class);
    }
}
