package de.gremium.events.scheduling;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the poll on one candidate. */
public record FixMeetingDate(@TargetAggregateIdentifier SchedulingPollId pollId, String candidateId, String fixedBy, Instant fixedAt) {
}
