package de.gremium.query.meeting;

import de.gremium.events.meeting.MeetingStatus;

/**
 * The meetings, newest first; each filter may be null (matches all). Pages count from 0. Kept on the query side
 * until the published language has such a query (as {@code FetchNetworkProject} is).
 */
public record FetchMeetings(Integer year, MeetingStatus status, int page, int size) {
}
