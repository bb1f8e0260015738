package de.gremium.events.meeting;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An external expert was invited to this meeting as a guest (not a member). */
@Revision("1")
public record GuestInvited(MeetingId meetingId, Guest guest, String invitedBy, Instant invitedAt) implements MeetingEvent {

    @Override
    public String actor() {
        return invitedBy;
    }

    @Override
    public Instant occurredAt() {
        return invitedAt;
    }
}
