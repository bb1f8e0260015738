package de.gremium.events.meeting;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put a meeting on the work plan of a year and quarter. */
public record PlanMeeting(@TargetAggregateIdentifier MeetingId meetingId, int year, int quarter, MeetingKind kind, String title, int durationMinutes, String plannedBy, Instant plannedAt) {
}
