package de.gremium.events.idea;

import de.gremium.events.PolicyField;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** Title, description or policy fields of an idea were revised. */
@Revision("1")
public record ProjectIdeaRevised(ProjectIdeaId ideaId, @PersonalData(of = "revisedBy", item = "ideaId", text = true) String title, @PersonalData(of = "revisedBy", item = "ideaId", text = true) String description, Set<PolicyField> policyFields, @PersonalData String revisedBy, Instant revisedAt) implements ProjectIdeaEvent {

    public ProjectIdeaRevised {
        policyFields = de.gremium.events.PolicyFields.normalised(policyFields);
    }

    @Override
    public String actor() {
        return revisedBy;
    }

    @Override
    public Instant occurredAt() {
        return revisedAt;
    }
}
