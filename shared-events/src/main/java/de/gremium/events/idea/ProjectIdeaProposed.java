package de.gremium.events.idea;

import de.gremium.events.PolicyField;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** A project idea towards the policy goals was proposed (usually by the coordinator). */
@Revision("1")
public record ProjectIdeaProposed(ProjectIdeaId ideaId, @PersonalData(of = "proposedBy", item = "ideaId", text = true) String title, @PersonalData(of = "proposedBy", item = "ideaId", text = true) String description, Set<PolicyField> policyFields, @PersonalData String proposedBy, Instant proposedAt) implements ProjectIdeaEvent {

    public ProjectIdeaProposed {
        policyFields = de.gremium.events.PolicyFields.normalised(policyFields);
    }

    @Override
    public String actor() {
        return proposedBy;
    }

    @Override
    public Instant occurredAt() {
        return proposedAt;
    }
}
