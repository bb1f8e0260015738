package de.gremium.events.idea;

import de.gremium.events.PolicyField;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Propose a project idea. */
public record ProposeProjectIdea(@TargetAggregateIdentifier ProjectIdeaId ideaId, String title, String description, Set<PolicyField> policyFields, String proposedBy, Instant proposedAt) {

    public ProposeProjectIdea {
        policyFields = de.gremium.events.PolicyFields.normalised(policyFields);
    }
}
