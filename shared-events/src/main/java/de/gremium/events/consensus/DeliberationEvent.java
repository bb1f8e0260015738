package de.gremium.events.consensus;

import java.time.Instant;

/** Everything that happens while the group deliberates a draft recommendation. */
public sealed interface DeliberationEvent permits DraftRecommendationPut, ObjectionRaised, GuestCommented, DraftAmended, ObjectionResolved, ObjectionWithdrawn, ConsensusRecorded, NoConsensusRecorded {

    DeliberationId deliberationId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
