package de.gremium.events.meeting;

import de.gremium.events.group.MemberId;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The meeting took place: who attended (members, guests), the minutes, and the agenda as it stood, in order. */
@Revision("1")
public record MeetingHeld(MeetingId meetingId, @PersonalData List<MemberId> attendees, List<GuestId> guestsPresent, String minutes, List<AgendaTopic> agenda, @PersonalData String recordedBy, Instant recordedAt) implements MeetingEvent {

    public MeetingHeld {
        attendees = List.copyOf(attendees);
        guestsPresent = List.copyOf(guestsPresent);
        agenda = List.copyOf(agenda);
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
