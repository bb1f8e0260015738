package de.gremium.events.meeting;

import de.gremium.events.links.LinksToAgendaItem;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A topic was put on the agenda at a position (0 = first). */
@Revision("1")
public record AgendaItemAdded(MeetingId meetingId, AgendaItemId agendaItemId, AgendaTopic topic, int position, @PersonalData String addedBy, Instant addedAt) implements MeetingEvent, LinksToAgendaItem {

    @Override
    public String actor() {
        return addedBy;
    }

    @Override
    public Instant occurredAt() {
        return addedAt;
    }
}
