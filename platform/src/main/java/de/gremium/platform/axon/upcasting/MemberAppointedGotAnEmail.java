package de.gremium.platform.axon.upcasting;

import de.gremium.events.group.MemberAppointed;
import org.springframework.core.annotation.Order;

/** Revision 2 added {@code email}; a member appointed before had none recorded (null). */
@Order(112)
public class MemberAppointedGotAnEmail extends OptionalFieldAdded {

    public MemberAppointedGotAnEmail() {
        super(MemberAppointed.class, "1", "2");
    }
}
