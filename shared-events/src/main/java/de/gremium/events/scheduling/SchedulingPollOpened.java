package de.gremium.events.scheduling;

import de.gremium.events.links.LinksToMeeting;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The coordinator asked the members when the meeting should take place; {@code answersDueBy} (revision 2, null if not
 * set) is when the answers are due: the members who have not answered are reminded a configured time before.
 */
@Revision("2")
public record SchedulingPollOpened(SchedulingPollId pollId, MeetingId meetingId, List<CandidateSlot> candidates, @PersonalData String openedBy, Instant openedAt, Instant answersDueBy) implements SchedulingPollEvent, LinksToMeeting {

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
