package de.gremium.events.meeting;

import java.time.Instant;

/** Everything that can happen to a meeting. */
public sealed interface MeetingEvent permits MeetingPlanned, MeetingScheduled, MeetingRescheduled, AgendaItemAdded, AgendaItemRemoved, AgendaReordered, GuestInvited, MeetingHeld, MeetingCancelled {

    MeetingId meetingId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
