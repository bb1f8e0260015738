package de.gremium.events.consensus;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The draft was amended, meant to resolve the listed objections. */
@Revision("1")
public record DraftAmended(DeliberationId deliberationId, String text, List<ObjectionId> resolves, @PersonalData String amendedBy, Instant amendedAt) implements DeliberationEvent {

    public DraftAmended {
        resolves = List.copyOf(resolves);
    }

    @Override
    public String actor() {
        return amendedBy;
    }

    @Override
    public Instant occurredAt() {
        return amendedAt;
    }
}
