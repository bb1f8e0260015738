package de.gremium.platform.axon.upcasting;

import de.gremium.events.meeting.MeetingScheduled;
import org.springframework.core.annotation.Order;

/** Revision 2 added {@code calendarOverride}; a date of revision 1 overrode nothing (null). */
@Order(110)
public class MeetingScheduledGotACalendarOverride extends OptionalFieldAdded {

    public MeetingScheduledGotACalendarOverride() {
        super(MeetingScheduled.class, "1", "2");
    }
}
