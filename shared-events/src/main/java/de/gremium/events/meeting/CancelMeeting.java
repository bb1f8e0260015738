package de.gremium.events.meeting;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Call the meeting off, with a reason. */
public record CancelMeeting(@TargetAggregateIdentifier MeetingId meetingId, String reason, String cancelledBy, Instant cancelledAt) {
}
