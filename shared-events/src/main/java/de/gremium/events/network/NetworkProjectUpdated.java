package de.gremium.events.network;

import de.gremium.events.PolicyField;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** Status, dates, contact or description of the project changed. */
@Revision("1")
public record NetworkProjectUpdated(NetworkProjectId projectId, String title, String description, Set<PolicyField> policyFields, NetworkProjectStatus status, LocalDate startDate, LocalDate endDate, @PersonalData(of = "updatedBy") String contact, @PersonalData String updatedBy, Instant updatedAt) implements NetworkProjectEvent {

    public NetworkProjectUpdated {
        policyFields = de.gremium.events.PolicyFields.normalised(policyFields);
    }

    @Override
    public String actor() {
        return updatedBy;
    }

    @Override
    public Instant occurredAt() {
        return updatedAt;
    }
}
