package de.gremium.events.idea;

import de.gremium.events.links.LinksToAgendaItem;
import de.gremium.events.meeting.AgendaItemId;
import de.gremium.events.meeting.MeetingId;
import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The idea became a topic of a meeting. */
@Revision("1")
public record ProjectIdeaPlacedOnAgenda(ProjectIdeaId ideaId, MeetingId meetingId, AgendaItemId agendaItemId, @PersonalData String placedBy, Instant placedAt) implements ProjectIdeaEvent, LinksToAgendaItem {

    @Override
    public String actor() {
        return placedBy;
    }

    @Override
    public Instant occurredAt() {
        return placedAt;
    }
}
