package de.gremium.events.links;

import de.gremium.events.meeting.MeetingId;

/** The event concerns one meeting. */
public interface LinksToMeeting {

    MeetingId meetingId();
}
