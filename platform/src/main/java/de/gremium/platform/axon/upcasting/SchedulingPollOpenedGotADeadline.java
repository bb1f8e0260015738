package de.gremium.platform.axon.upcasting;

import de.gremium.events.scheduling.SchedulingPollOpened;
import org.springframework.core.annotation.Order;

/** Revision 2 added {@code answersDueBy}; a poll opened before had no deadline (null): no reminder. */
@Order(114)
public class SchedulingPollOpenedGotADeadline extends OptionalFieldAdded {

    public SchedulingPollOpenedGotADeadline() {
        super(SchedulingPollOpened.class, "1", "2");
    }
}
