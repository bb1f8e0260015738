package de.gremium.events.links;

import de.gremium.events.idea.ProjectIdeaId;
import java.util.List;

/** The event answers these project ideas (none, one or more). */
public interface LinksToProjectIdeas {

    List<ProjectIdeaId> projectIdeas();
}
