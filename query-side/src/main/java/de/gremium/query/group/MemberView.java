package de.gremium.query.group;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member of the group, current or withdrawn, keyed by user id. The department is not stored: it is
 * the current department of the member's unit, read from {@link UnitView} when asked.
 */
@Document("member_directory_members")
public record MemberView(
        @Id String id,
        String name,
        String unit,
        MemberStatus status,
        Set<MemberRole> roles,
        String appointedBy,
        Instant appointedAt,
        Instant withdrawnAt,
        String withdrawalReason,
        long version) {

    public enum MemberStatus {
        ACTIVE,
        WITHDRAWN
    }
}
