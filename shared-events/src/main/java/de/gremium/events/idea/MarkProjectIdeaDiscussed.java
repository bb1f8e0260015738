package de.gremium.events.idea;

import de.gremium.events.meeting.MeetingId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the agenda policy when the meeting that carried the idea was held. */
public record MarkProjectIdeaDiscussed(@TargetAggregateIdentifier ProjectIdeaId ideaId, MeetingId meetingId, String recordedBy, Instant discussedAt) {
}
