package de.gremium.query.network;

import de.gremium.events.PolicyField;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkWorkingGroup;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A network project as it stands now. {@code version} is the sequence number of the last event
 * applied: handlers only apply newer events, so a replay or a redelivery changes nothing.
 */
@Document("network_projects")
public record NetworkProjectView(
        @Id String id,
        NetworkWorkingGroup workingGroup,
        String title,
        String description,
        Set<PolicyField> policyFields,
        NetworkProjectStatus status,
        LocalDate startDate,
        LocalDate endDate,
        String contact,
        String announcedBy,
        Instant announcedAt,
        Completion completion,
        Dropping dropping,
        String lastChangedBy,
        Instant lastChangedAt,
        long version) {

    public record Completion(String summary, LocalDate completedOn, String recordedBy, Instant recordedAt) {
    }

    public record Dropping(String reason, String recordedBy, Instant recordedAt) {
    }
}
