package de.gremium.events.idea;
/** One project idea by id. */
public record FetchProjectIdea(ProjectIdeaId ideaId) {
}
