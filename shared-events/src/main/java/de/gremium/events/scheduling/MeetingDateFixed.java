package de.gremium.events.scheduling;

import de.gremium.events.links.LinksToMeeting;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The coordinator fixed the date; the poll is closed. */
@Revision("1")
public record MeetingDateFixed(SchedulingPollId pollId, MeetingId meetingId, String candidateId, Instant start, Instant end, @PersonalData String fixedBy, Instant fixedAt) implements SchedulingPollEvent, LinksToMeeting {

    @Override
    public String actor() {
        return fixedBy;
    }

    @Override
    public Instant occurredAt() {
        return fixedAt;
    }
}
