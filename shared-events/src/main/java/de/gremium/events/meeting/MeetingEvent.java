package de.gremium.events.meeting;

import de.gremium.events.links.LinksToMeeting;
import java.time.Instant;

/** Everything that can happen to a meeting. */
public sealed interface MeetingEvent extends LinksToMeeting permits MeetingPlanned, MeetingScheduled, MeetingRescheduled, AgendaItemAdded, AgendaItemRemoved, AgendaReordered, GuestInvited, MeetingHeld, MeetingCancelled {

    /** The aggregate the event happened to. */
    @Override
    MeetingId meetingId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
