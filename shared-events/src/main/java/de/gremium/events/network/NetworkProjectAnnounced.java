package de.gremium.events.network;

import de.gremium.events.PolicyField;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** The coordinator recorded a running or planned project of a network working group. */
@Revision("1")
public record NetworkProjectAnnounced(NetworkProjectId projectId, NetworkWorkingGroup workingGroup, String title, String description, Set<PolicyField> policyFields, NetworkProjectStatus status, LocalDate startDate, LocalDate endDate, @PersonalData(of = "announcedBy") String contact, @PersonalData String announcedBy, Instant announcedAt) implements NetworkProjectEvent {

    public NetworkProjectAnnounced {
        policyFields = de.gremium.events.PolicyFields.normalised(policyFields);
    }

    @Override
    public String actor() {
        return announcedBy;
    }

    @Override
    public Instant occurredAt() {
        return announcedAt;
    }
}
