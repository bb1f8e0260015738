package de.gremium.command.group;

import de.gremium.events.group.MemberId;
import java.util.Map;

/**
 * A snapshot of the group's constitution for command-side checks in other aggregates' edges.
 *
 * @param activeUnits   unit → department
 * @param activeMembers member → unit
 */
public record GroupFacts(Map<String, String> activeUnits, Map<MemberId, String> activeMembers, MemberId coordinator,
        MemberId mayorsOfficeSeat) {

    public boolean isActiveUnit(String unit) {
        return unit != null && activeUnits.containsKey(unit);
    }

    public boolean isMember(MemberId member) {
        return member != null && activeMembers.containsKey(member);
    }
}
