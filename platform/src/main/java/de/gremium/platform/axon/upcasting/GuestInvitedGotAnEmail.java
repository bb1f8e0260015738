package de.gremium.platform.axon.upcasting;

import de.gremium.events.meeting.GuestInvited;
import org.springframework.core.annotation.Order;

/** Revision 2 added the guest's {@code email}; a guest invited before had none recorded (null). */
@Order(113)
public class GuestInvitedGotAnEmail extends OptionalFieldAdded {

    public GuestInvitedGotAnEmail() {
        super(GuestInvited.class, "1", "2");
    }
}
