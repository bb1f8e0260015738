package de.gremium.query.meeting;

import java.util.List;

/** Every meeting that has been scheduled at least once, by start. */
public record MeetingCalendar(List<MeetingView> meetings) {
}
