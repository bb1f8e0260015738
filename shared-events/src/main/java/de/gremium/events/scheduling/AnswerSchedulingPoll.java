package de.gremium.events.scheduling;

import de.gremium.events.group.MemberId;
import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answer some or all candidates. */
public record AnswerSchedulingPoll(@TargetAggregateIdentifier SchedulingPollId pollId, MemberId memberId, Map<String, Availability> answers, Instant answeredAt) {
}
