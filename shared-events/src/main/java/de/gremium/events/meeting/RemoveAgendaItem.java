package de.gremium.events.meeting;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a topic off the agenda. */
public record RemoveAgendaItem(@TargetAggregateIdentifier MeetingId meetingId, AgendaItemId agendaItemId, String removedBy, Instant removedAt) {
}
