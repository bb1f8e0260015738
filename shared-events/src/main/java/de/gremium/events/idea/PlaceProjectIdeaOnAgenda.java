package de.gremium.events.idea;

import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the agenda policy when an agenda item names the idea. */
public record PlaceProjectIdeaOnAgenda(@TargetAggregateIdentifier ProjectIdeaId ideaId, MeetingId meetingId, AgendaItemId agendaItemId, String placedBy, Instant placedAt) {
}
