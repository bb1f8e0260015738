package de.gremium.events.links;

import de.gremium.events.consensus.ObjectionId;

/** The event concerns one objection (an objection is named within its deliberation). */
public interface LinksToObjection extends LinksToDeliberation {

    ObjectionId objectionId();
}
