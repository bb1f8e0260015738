package de.gremium.query.group;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The current members, ordered by department, unit and name as the constitution lists them. */
public record MemberDirectory(List<Member> members) {

    /** A current member; {@code department} is the current department of the member's unit. */
    public record Member(String memberId, String name, String unit, String department, Set<MemberRole> roles,
            Instant appointedAt) {
    }
}
