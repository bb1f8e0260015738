package de.gremium.events.network;

import java.time.Instant;

/** Everything the coordinator records about a network project. */
public sealed interface NetworkProjectEvent permits NetworkProjectAnnounced, NetworkProjectUpdated, NetworkProjectCompleted, NetworkProjectDropped {

    NetworkProjectId projectId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
