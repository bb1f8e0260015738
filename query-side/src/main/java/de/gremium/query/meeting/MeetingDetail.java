package de.gremium.query.meeting;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * One meeting as its detail page shows it: the view, plus the attendance with names (members from the
 * member directory, guests from the meeting's invitations; a name is absent if not known).
 */
public record MeetingDetail(@JsonUnwrapped MeetingView meeting, List<Attendee> attendees, List<MeetingView.Guest> guestsPresent) {

    public record Attendee(String memberId, String name) {
    }
}
