package de.gremium.events.meeting;

import de.gremium.events.group.MemberId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The meeting took place: who attended (members, guests) and the minutes. */
@Revision("1")
public record MeetingHeld(MeetingId meetingId, List<MemberId> attendees, List<GuestId> guestsPresent, String minutes, String recordedBy, Instant recordedAt) implements MeetingEvent {

    public MeetingHeld {
        attendees = List.copyOf(attendees);
        guestsPresent = List.copyOf(guestsPresent);
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
