package de.gremium.events.idea;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The group decided not to pursue the idea for now. */
@Revision("1")
public record ProjectIdeaShelved(ProjectIdeaId ideaId, String reason, String shelvedBy, Instant shelvedAt) implements ProjectIdeaEvent {

    @Override
    public String actor() {
        return shelvedBy;
    }

    @Override
    public Instant occurredAt() {
        return shelvedAt;
    }
}
