package de.gremium.events.idea;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The idea was withdrawn before the group recommended it. */
@Revision("1")
public record ProjectIdeaWithdrawn(ProjectIdeaId ideaId, @PersonalData(of = "withdrawnBy", item = "ideaId", text = true) String reason, @PersonalData String withdrawnBy, Instant withdrawnAt) implements ProjectIdeaEvent {

    @Override
    public String actor() {
        return withdrawnBy;
    }

    @Override
    public Instant occurredAt() {
        return withdrawnAt;
    }
}
