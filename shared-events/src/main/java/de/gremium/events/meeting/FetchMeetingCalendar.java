package de.gremium.events.meeting;
/** All meetings, for the iCalendar feed. */
public record FetchMeetingCalendar() {
}
