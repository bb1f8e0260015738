package de.gremium.events.meeting;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give the agenda a new order (every item exactly once). */
public record ReorderAgenda(@TargetAggregateIdentifier MeetingId meetingId, List<AgendaItemId> order, String reorderedBy, Instant reorderedAt) {
}
