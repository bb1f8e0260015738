package de.gremium.events.network;

import de.gremium.events.PolicyField;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Update a network project that is still planned or running. */
public record UpdateNetworkProject(@TargetAggregateIdentifier NetworkProjectId projectId, String title, String description, Set<PolicyField> policyFields, NetworkProjectStatus status, LocalDate startDate, LocalDate endDate, String contact, String updatedBy, Instant updatedAt) {

    public UpdateNetworkProject {
        policyFields = de.gremium.events.PolicyFields.normalised(policyFields);
    }
}
