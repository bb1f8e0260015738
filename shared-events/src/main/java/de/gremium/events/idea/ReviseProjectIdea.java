package de.gremium.events.idea;

import de.gremium.events.PolicyField;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Revise an idea that is not yet decided (its proposer, or the coordinator). */
public record ReviseProjectIdea(@TargetAggregateIdentifier ProjectIdeaId ideaId, String title, String description, Set<PolicyField> policyFields, String revisedBy, boolean revisedByCoordinator, Instant revisedAt, @TargetAggregateVersion Long expectedVersion) {

    public ReviseProjectIdea {
        policyFields = de.gremium.events.PolicyFields.normalised(policyFields);
    }
}
