package de.gremium.events.scheduling;
/** One poll with its ranked tally. */
public record FetchSchedulingPoll(SchedulingPollId pollId) {
}
