package de.gremium.events.scheduling;

import de.gremium.events.meeting.MeetingId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open a poll over candidate slots (already checked against the blocked calendar). */
public record OpenSchedulingPoll(@TargetAggregateIdentifier SchedulingPollId pollId, MeetingId meetingId, List<CandidateSlot> candidates, String openedBy, Instant openedAt, Instant answersDueBy) {
}
