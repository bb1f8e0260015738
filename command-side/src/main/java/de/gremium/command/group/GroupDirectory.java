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
     * Every write a member makes (reports, ideas, details, solution proposals, withdrawing an idea, raising or
     * withdrawing an objection, answering a scheduling poll) is made by an appointed member of the group; one who
     * withdrew, or was never appointed, is refused with 403. The coordinator acts by the role, not a seat
     * (docs/canvas-command-side.md, rules on roles).
     */
    public void requireContributor(String userId, boolean coordinator) {
        if (coordinator) {
            return;
        }
        requireMember(new MemberId(userId));
    }

    /** The same rule without the coordinator's exception: the member acts in their own name (a poll's answers). */
    public void requireMember(MemberId member) {
        require().requireMember(member);
    }
}
