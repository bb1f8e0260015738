package de.gremium.query.deliberation;

import de.gremium.events.consensus.DeliberationId;

/** One deliberation with its draft, objections, comments and outcome. Kept on the query side. */
public record FetchDeliberation(DeliberationId deliberationId) {
}
