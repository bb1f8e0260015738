package de.gremium.command.group;

import de.gremium.events.group.MemberId;
import de.gremium.platform.refusal.Refusal;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of the group's constitution for command-side checks in other aggregates' edges.
 *
 * @param activeUnits   unit → department
 * @param activeMembers member → unit
 * @param withdrawn     members who withdrew and were not appointed again
 */
public record GroupFacts(Map<String, String> activeUnits, Map<MemberId, String> activeMembers, MemberId coordinator,
        MemberId mayorsOfficeSeat, Set<MemberId> withdrawn) {

    public boolean isActiveUnit(String unit) {
        return unit != null && activeUnits.containsKey(unit);
    }

    public boolean isMember(MemberId member) {
        return member != null && activeMembers.containsKey(member);
    }

    public boolean hasWithdrawn(MemberId member) {
        return member != null && withdrawn.contains(member);
    }

    /**
     * Refuses (403) whoever is not an appointed member: one who withdrew is told so, and makes no further
     * contributions, whatever roles their sign-in still carries.
     */
    public void requireMember(MemberId member) {
        if (isMember(member)) {
            return;
        }
        if (hasWithdrawn(member)) {
            throw Refusal.forbidden(member + " is not an appointed member of the group any more: they withdrew from it, "
                    + "and a member who withdrew makes no further contributions (reports, ideas, details, solutions, "
                    + "objections, poll answers).");
        }
        throw Refusal.forbidden(member + " is not an appointed member of the group; only members submit reports and "
                + "ideas, add details, propose solutions, object and answer polls.");
    }
}
