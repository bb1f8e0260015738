package de.gremium.events.meeting;
/** One meeting in detail. */
public record FetchMeeting(MeetingId meetingId) {
}
