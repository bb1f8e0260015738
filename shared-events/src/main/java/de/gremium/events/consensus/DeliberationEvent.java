package de.gremium.events.consensus;

import de.gremium.events.links.LinksToDeliberation;
import java.time.Instant;

/** Everything that happens while the group deliberates a draft recommendation. */
public sealed interface DeliberationEvent extends LinksToDeliberation permits DraftRecommendationPut, ObjectionRaised, GuestCommented, DraftAmended, ObjectionResolved, ObjectionWithdrawn, ConsensusRecorded, NoConsensusRecorded {

    /** The aggregate the event happened to. */
    @Override
    DeliberationId deliberationId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
