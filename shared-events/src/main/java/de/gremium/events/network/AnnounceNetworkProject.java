package de.gremium.events.network;

import de.gremium.events.PolicyField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a running or planned network project. */
public record AnnounceNetworkProject(@TargetAggregateIdentifier NetworkProjectId projectId, NetworkWorkingGroup workingGroup, String title, String description, Set<PolicyField> policyFields, NetworkProjectStatus status, LocalDate startDate, LocalDate endDate, String contact, String announcedBy, Instant announcedAt) {

    public AnnounceNetworkProject {
        policyFields = de.gremium.events.PolicyFields.normalised(policyFields);
    }
}
