package de.gremium.events.meeting;

import de.gremium.events.group.MemberId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the meeting took place, with attendance and minutes. */
public record RecordMeetingHeld(@TargetAggregateIdentifier MeetingId meetingId, List<MemberId> attendees, List<GuestId> guestsPresent, String minutes, String recordedBy, Instant recordedAt) {
}
