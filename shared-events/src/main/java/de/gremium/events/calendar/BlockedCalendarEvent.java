package de.gremium.events.calendar;

import java.time.Instant;

/** What happens to the blocked calendar. */
public sealed interface BlockedCalendarEvent permits BlockedCalendarSynced {

    BlockedCalendarId calendarId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
