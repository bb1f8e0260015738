package de.gremium.query.idea;

import de.gremium.events.meeting.MeetingKind;
import de.gremium.events.meeting.MeetingStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the work plan knows about the meetings an idea went through. Implemented by the work plan's
 * queries, so that the idea package does not depend on the meeting package (which reads ideas).
 */
public interface MeetingLookup {

    /** The meetings among these ids that the work plan has projected, by id. */
    Map<String, MeetingFacts> meetings(Collection<String> meetingIds);

    record MeetingFacts(String title, MeetingKind kind, MeetingStatus status, Instant start, Instant end) {
    }
}
