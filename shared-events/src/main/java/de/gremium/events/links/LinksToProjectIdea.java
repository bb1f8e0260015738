package de.gremium.events.links;

import de.gremium.events.idea.ProjectIdeaId;

/** The event concerns one project idea. */
public interface LinksToProjectIdea {

    ProjectIdeaId ideaId();
}
