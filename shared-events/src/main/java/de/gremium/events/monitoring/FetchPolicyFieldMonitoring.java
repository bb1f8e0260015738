package de.gremium.events.monitoring;

import de.gremium.events.PolicyField;

/** The monitoring view of one policy field. */
public record FetchPolicyFieldMonitoring(PolicyField policyField) {
}
