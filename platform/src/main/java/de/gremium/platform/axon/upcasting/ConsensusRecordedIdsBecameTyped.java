package de.gremium.platform.axon.upcasting;

import de.gremium.events.consensus.ConsensusRecorded;
import org.springframework.core.annotation.Order;

/** Revision 1 held the recommendation, the project ideas and the problem reports as strings; revision 2 as typed ids. */
@Order(100)
public class ConsensusRecordedIdsBecameTyped extends StringIdsBecameTyped {

    public ConsensusRecordedIdsBecameTyped() {
        super(ConsensusRecorded.class, "1", "2", "recommendationId", "projectIdeas", "problemReports");
    }
}
