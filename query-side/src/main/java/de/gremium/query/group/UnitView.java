package de.gremium.query.group;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One organisational unit of the group, keyed by its name. {@code key} is a URL-safe form of the
 * name ("IV/01" becomes "iv-01"), because a name with a slash cannot be a path segment. {@code rank}
 * keeps the order of the constitution (and of later additions); a department is ranked by its
 * first unit. {@code version} is the group's sequence number of the last event applied.
 */
@Document("member_directory_units")
public record UnitView(
        @Id String name,
        @Indexed String key,
        String department,
        UnitStatus status,
        long rank,
        String addedBy,
        Instant addedAt,
        String retiredBy,
        Instant retiredAt,
        String retirementReason,
        long version) {

    public enum UnitStatus {
        ACTIVE,
        RETIRED
    }
}
