package de.gremium.command.group;

import de.gremium.command.messaging.AggregateReader;
import de.gremium.events.group.GroupId;
import de.gremium.events.group.MemberId;
import de.gremium.platform.refusal.Refusal;
import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The command side's own lookup of the group's constitution: it loads the {@link WorkingGroup}
 * aggregate (cached) instead of asking the query side, so checks are never stale.
 */
@Component
public class GroupDirectory {

    private final Repository<WorkingGroup> repository;

    public GroupDirectory(@Qualifier("workingGroupRepository") Repository<WorkingGroup> repository) {
        this.repository = repository;
    }

    /** The constitution as it stands, or empty before the group was constituted. */
    public Optional<GroupFacts> facts() {
        return AggregateReader.read(repository, GroupId.PROJEKTGRUPPE_INTEGRATION.value(), WorkingGroup::facts);
    }

    public GroupFacts require() {
        return facts().orElseThrow(() -> Refusal.notReady("The working group has not been constituted yet; retry in a moment."));
    }

    /**
     * Whoever submits reports and ideas, adds details or proposes solutions is an appointed member of the group
     * (one who withdrew, or was never appointed, is refused with 403, as when they answer a scheduling poll), or acts
     * as the coordinator: the role, not a seat, lets the coordinator act (docs/canvas-command-side.md, rules on roles).
     */
    public void requireContributor(String userId, boolean coordinator) {
        if (coordinator) {
            return;
        }
        if (!require().isMember(new MemberId(userId))) {
            throw Refusal.forbidden(userId + " is not an appointed member of the group; only members submit reports and "
                    + "ideas, add details and propose solutions.");
        }
    }
}
