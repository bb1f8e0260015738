package de.gremium.events.meeting;
/** The work plan of a year: quarters, meetings, agenda topics, open items carried over. */
public record FetchWorkPlan(int year) {
}
