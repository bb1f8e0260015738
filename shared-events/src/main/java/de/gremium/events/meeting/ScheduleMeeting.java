package de.gremium.events.meeting;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a planned meeting its date and place. */
public record ScheduleMeeting(@TargetAggregateIdentifier MeetingId meetingId, Instant start, String location, String scheduledBy, Instant scheduledAt) {
}
