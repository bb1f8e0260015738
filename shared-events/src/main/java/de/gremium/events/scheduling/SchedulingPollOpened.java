package de.gremium.events.scheduling;

import de.gremium.events.links.LinksToMeeting;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The coordinator asked the members when the meeting should take place. */
@Revision("1")
public record SchedulingPollOpened(SchedulingPollId pollId, MeetingId meetingId, List<CandidateSlot> candidates, @PersonalData String openedBy, Instant openedAt) implements SchedulingPollEvent, LinksToMeeting {

    public SchedulingPollOpened {
        candidates = List.copyOf(candidates);
    }

    @Override
    public String actor() {
        return openedBy;
    }

    @Override
    public Instant occurredAt() {
        return openedAt;
    }
}
