package de.gremium.events.meeting;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Invite an external expert to this meeting. */
public record InviteGuest(@TargetAggregateIdentifier MeetingId meetingId, Guest guest, String invitedBy, Instant invitedAt) {
}
