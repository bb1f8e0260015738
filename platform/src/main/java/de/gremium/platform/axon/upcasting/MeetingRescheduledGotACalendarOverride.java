package de.gremium.platform.axon.upcasting;

import de.gremium.events.meeting.MeetingRescheduled;
import org.springframework.core.annotation.Order;

/** Revision 2 added {@code calendarOverride}; a move of revision 1 overrode nothing (null). */
@Order(111)
public class MeetingRescheduledGotACalendarOverride extends OptionalFieldAdded {

    public MeetingRescheduledGotACalendarOverride() {
        super(MeetingRescheduled.class, "1", "2");
    }
}
