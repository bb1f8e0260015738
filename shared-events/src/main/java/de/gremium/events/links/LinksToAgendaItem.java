package de.gremium.events.links;

import de.gremium.events.meeting.AgendaItemId;

/** The event concerns one item on a meeting's agenda (an agenda item is named within its meeting). */
public interface LinksToAgendaItem extends LinksToMeeting {

    AgendaItemId agendaItemId();
}
