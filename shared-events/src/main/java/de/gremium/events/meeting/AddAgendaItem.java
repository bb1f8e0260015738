package de.gremium.events.meeting;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put a topic on the agenda; position null appends. */
public record AddAgendaItem(@TargetAggregateIdentifier MeetingId meetingId, AgendaItemId agendaItemId, AgendaTopic topic, Integer position, String addedBy, Instant addedAt) {
}
