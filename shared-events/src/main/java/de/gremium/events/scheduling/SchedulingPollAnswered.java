package de.gremium.events.scheduling;

import de.gremium.events.group.MemberId;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A member answered (a later answer replaces an earlier one). */
@Revision("1")
public record SchedulingPollAnswered(SchedulingPollId pollId, @PersonalData MemberId memberId, Map<String, Availability> answers, Instant answeredAt) implements SchedulingPollEvent {

    public SchedulingPollAnswered {
        answers = Map.copyOf(answers);
    }

    @Override
    public String actor() {
        return memberId.value();
    }

    @Override
    public Instant occurredAt() {
        return answeredAt;
    }
}
