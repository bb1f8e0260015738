package de.gremium.events.meeting;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An external expert was invited to this meeting as a guest (not a member). */
@Revision("2")
public record GuestInvited(MeetingId meetingId, Guest guest, @PersonalData String invitedBy, Instant invitedAt) implements MeetingEvent {

    @Override
    public String actor() {
        return invitedBy;
    }

    @Override
    public Instant occurredAt() {
        return invitedAt;
    }
}
