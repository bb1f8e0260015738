package de.gremium.query.audit;

/** One page of the audit entries that match, in position order; pages count from 0 here. */
public record FetchAuditTrail(AuditFilter filter, int page, int size) {
}
