package de.gremium.events.meeting;

import de.gremium.events.links.LinksToAgendaItem;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A topic was taken off the agenda. */
@Revision("1")
public record AgendaItemRemoved(MeetingId meetingId, AgendaItemId agendaItemId, @PersonalData String removedBy, Instant removedAt) implements MeetingEvent, LinksToAgendaItem {

    @Override
    public String actor() {
        return removedBy;
    }

    @Override
    public Instant occurredAt() {
        return removedAt;
    }
}
