package de.gremium.command.calendar;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How far a source was read: for OParl the newest {@code modified} seen, which the next sync passes as
 * {@code modified_since}; null for ICS sources, which are always read in full.
 */
@Document(BlockedCalendarSourceEntry.COLLECTION)
record BlockedCalendarSourceEntry(@Id String source, Instant modifiedUntil, Instant lastSyncedAt, String lastSyncedBy) {

    static final String COLLECTION = "blocked_calendar_sources";
}
