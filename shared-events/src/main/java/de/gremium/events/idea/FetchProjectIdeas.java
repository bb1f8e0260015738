package de.gremium.events.idea;

import de.gremium.events.PolicyField;

/** Project ideas, optionally of one status or policy field (null matches all); pages count from 0. */
public record FetchProjectIdeas(ProjectIdeaStatus status, PolicyField policyField, int page, int size) {
}
