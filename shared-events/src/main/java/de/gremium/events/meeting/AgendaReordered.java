package de.gremium.events.meeting;

import de.gremium.events.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The agenda got a new order. */
@Revision("1")
public record AgendaReordered(MeetingId meetingId, List<AgendaItemId> order, @PersonalData String reorderedBy, Instant reorderedAt) implements MeetingEvent {

    public AgendaReordered {
        order = List.copyOf(order);
    }

    @Override
    public String actor() {
        return reorderedBy;
    }

    @Override
    public Instant occurredAt() {
        return reorderedAt;
    }
}
