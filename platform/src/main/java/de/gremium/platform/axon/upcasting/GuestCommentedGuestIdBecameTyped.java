package de.gremium.platform.axon.upcasting;

import de.gremium.events.consensus.GuestCommented;
import org.springframework.core.annotation.Order;

/** Revision 1 held the guest's id as a string; revision 2 as a {@code GuestId}. */
@Order(102)
public class GuestCommentedGuestIdBecameTyped extends StringIdsBecameTyped {

    public GuestCommentedGuestIdBecameTyped() {
        super(GuestCommented.class, "1", "2", "guestId");
    }
}
