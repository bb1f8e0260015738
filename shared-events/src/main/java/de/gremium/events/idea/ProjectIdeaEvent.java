package de.gremium.events.idea;

import java.time.Instant;

/** Everything that can happen to a project idea. */
public sealed interface ProjectIdeaEvent permits ProjectIdeaProposed, ProjectIdeaRevised, ProjectIdeaWithdrawn, ProjectIdeaPlacedOnAgenda, ProjectIdeaDiscussed, ProjectIdeaShelved,
        ProjectIdeaRecommended {

    ProjectIdeaId ideaId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
