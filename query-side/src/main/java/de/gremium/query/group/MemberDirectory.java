package de.gremium.query.group;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The current members, ordered by department, unit and name as the constitution lists them. */
public record MemberDirectory(List<Member> members) {

    /**
     * A current member; {@code department} is the current department of the member's unit. {@code email}, the address
     * for notifications, is personal data: only the coordinator and the member themself see it ({@link #asSeenBy}).
     */
    public record Member(String memberId, String name, String unit, String department, Set<MemberRole> roles,
            Instant appointedAt, String email) {

        Member withoutEmail() {
            return new Member(memberId, name, unit, department, roles, appointedAt, null);
        }
    }

    /** The directory as {@code viewer} may see it: every address for the coordinator, else only the viewer's own. */
    public MemberDirectory asSeenBy(String viewer, boolean coordinator) {
        if (coordinator) {
            return this;
        }
        return new MemberDirectory(members.stream()
                .map(member -> member.memberId().equals(viewer) ? member : member.withoutEmail()).toList());
    }
}
