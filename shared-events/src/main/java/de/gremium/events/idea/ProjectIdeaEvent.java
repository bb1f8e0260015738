package de.gremium.events.idea;

import de.gremium.events.links.LinksToProjectIdea;
import java.time.Instant;

/** Everything that can happen to a project idea. */
public sealed interface ProjectIdeaEvent extends LinksToProjectIdea permits ProjectIdeaProposed, ProjectIdeaRevised, ProjectIdeaWithdrawn, ProjectIdeaPlacedOnAgenda, ProjectIdeaDiscussed, ProjectIdeaShelved,
        ProjectIdeaRecommended {

    /** The aggregate the event happened to. */
    @Override
    ProjectIdeaId ideaId();

    /** User id of the person who caused the event. */
    String actor();

    Instant occurredAt();
}
