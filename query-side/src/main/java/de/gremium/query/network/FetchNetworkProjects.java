package de.gremium.query.network;

import de.gremium.events.PolicyField;
import de.gremium.events.network.NetworkProjectStatus;
import de.gremium.events.network.NetworkWorkingGroup;

/**
 * The network projects as they stand now, newest first; each filter may be null (matches all). Pages count from
 * 0. Kept on the query side until the published language has such a query (as {@link FetchNetworkProject} is).
 */
public record FetchNetworkProjects(NetworkWorkingGroup workingGroup, NetworkProjectStatus status,
        PolicyField policyField, int page, int size) {
}
