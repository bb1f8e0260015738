package de.gremium.query.deliberation;

import de.gremium.events.PolicyField;
import de.gremium.query.deliberation.DeliberationView.DeliberationStatus;

/**
 * Deliberations, newest first; each filter may be null (matches all). Pages count from 0. Kept on the query side
 * until the published language has such a query (as {@code FetchNetworkProject} is).
 */
public record FetchDeliberations(DeliberationStatus status, PolicyField policyField, Integer year, String meetingId,
        int page, int size) {
}
