package de.gremium.query.network;

import de.gremium.events.network.NetworkProjectId;

/**
 * One network project with its feed entries. Kept on the query side until the published language has
 * such a query; routed by type like the others.
 */
public record FetchNetworkProject(NetworkProjectId projectId) {
}
