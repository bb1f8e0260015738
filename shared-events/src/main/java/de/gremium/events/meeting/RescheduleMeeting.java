package de.gremium.events.meeting;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a scheduled meeting. */
public record RescheduleMeeting(@TargetAggregateIdentifier MeetingId meetingId, Instant start, String location, String reason, String rescheduledBy, Instant rescheduledAt) {
}
