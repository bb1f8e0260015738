package de.gremium.command.idea;

import de.gremium.command.group.GroupDirectory;
import de.gremium.command.messaging.CommandDispatcher;
import de.gremium.events.PolicyField;
import de.gremium.events.idea.ProjectIdeaId;
import de.gremium.events.idea.ProposeProjectIdea;
import de.gremium.events.idea.ReviseProjectIdea;
import de.gremium.events.idea.WithdrawProjectIdea;
import java.time.Clock;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The idea commands that need a fact from the group: whoever proposes, revises or withdraws an idea is an appointed
 * member (or the coordinator); a member who withdrew from the group does none of these. The {@link ProjectIdea} decides the rest.
 */
@Component
class ProjectIdeas {

    private final CommandDispatcher commands;
    private final GroupDirectory group;
    private final Clock clock;

    ProjectIdeas(CommandDispatcher commands, GroupDirectory group, Clock clock) {
        this.commands = commands;
        this.group = group;
        this.clock = clock;
    }

    void propose(ProjectIdeaId id, String title, String description, Set<PolicyField> policyFields, String proposedBy,
            boolean coordinator) {
        group.requireContributor(proposedBy, coordinator);
        commands.send(new ProposeProjectIdea(id, title, description, policyFields, proposedBy, clock.instant()));
    }

    void revise(ProjectIdeaId id, String title, String description, Set<PolicyField> policyFields, String revisedBy,
            boolean coordinator, Long expectedVersion) {
        group.requireContributor(revisedBy, coordinator);
        commands.send(new ReviseProjectIdea(id, title, description, policyFields, revisedBy, coordinator, clock.instant(),
                expectedVersion));
    }

    void withdraw(ProjectIdeaId id, String reason, String withdrawnBy, boolean coordinator) {
        group.requireContributor(withdrawnBy, coordinator);
        commands.send(new WithdrawProjectIdea(id, reason, withdrawnBy, coordinator, clock.instant()));
    }
}
