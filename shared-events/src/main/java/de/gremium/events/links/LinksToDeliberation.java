package de.gremium.events.links;

import de.gremium.events.consensus.DeliberationId;

/** The event concerns one deliberation of a draft recommendation. */
public interface LinksToDeliberation {

    DeliberationId deliberationId();
}
