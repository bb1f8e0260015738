package de.gremium.events.idea;

import de.gremium.events.links.LinksToMeeting;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The meeting whose agenda carried the idea was held. */
@Revision("1")
public record ProjectIdeaDiscussed(ProjectIdeaId ideaId, MeetingId meetingId, @PersonalData String recordedBy, Instant discussedAt) implements ProjectIdeaEvent, LinksToMeeting {

    @Override
    public String actor() {
        return recordedBy;
    }

    @Override
    public Instant occurredAt() {
        return discussedAt;
    }
}
