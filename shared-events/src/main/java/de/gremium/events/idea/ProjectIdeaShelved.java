package de.gremium.events.idea;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The group decided not to pursue the idea for now. */
@Revision("1")
public record ProjectIdeaShelved(ProjectIdeaId ideaId, String reason, @PersonalData String shelvedBy, Instant shelvedAt) implements ProjectIdeaEvent {

    @Override
    public String actor() {
        return shelvedBy;
    }

    @Override
    public Instant occurredAt() {
        return shelvedAt;
    }
}
