package de.gremium.events.consensus;

import de.gremium.events.group.MemberId;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The group could not agree; the positions and the objections still open are recorded. */
@Revision("1")
public record NoConsensusRecorded(DeliberationId deliberationId, String positions, List<ObjectionId> openObjections, @PersonalData List<MemberId> membersPresent, @PersonalData String recordedBy, Instant recordedAt) implements DeliberationEvent {

    public NoConsensusRecorded {
        openObjections = List.copyOf(openObjections);
        membersPresent = List.copyOf(membersPresent);
    }

    @Override
    public String actor() {
        return recordedBy;
    }

    @Override
    public Instant occurredAt() {
        return recordedAt;
    }
}
