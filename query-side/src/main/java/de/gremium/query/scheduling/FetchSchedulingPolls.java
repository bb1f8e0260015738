package de.gremium.query.scheduling;

import de.gremium.query.scheduling.SchedulingPollView.PollStatus;

/**
 * Scheduling polls, newest first; each filter may be null (matches all). Pages count from 0. Kept on the query
 * side until the published language has such a query (as {@code FetchNetworkProject} is).
 */
public record FetchSchedulingPolls(PollStatus status, String meetingId, int page, int size) {
}
