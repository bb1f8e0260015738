package de.gremium.events.meeting;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A meeting was put on the work plan of a year and quarter, not yet dated. */
@Revision("1")
public record MeetingPlanned(MeetingId meetingId, int year, int quarter, MeetingKind kind, String title, int durationMinutes, @PersonalData String plannedBy, Instant plannedAt) implements MeetingEvent {

    @Override
    public String actor() {
        return plannedBy;
    }

    @Override
    public Instant occurredAt() {
        return plannedAt;
    }
}
