package de.gremium.events.network;

import de.gremium.events.PolicyField;

/** The network-group feed, newest first; filters optional (null matches all); pages count from 0. */
public record FetchNetworkFeed(NetworkWorkingGroup workingGroup, PolicyField policyField, int page, int size) {
}
