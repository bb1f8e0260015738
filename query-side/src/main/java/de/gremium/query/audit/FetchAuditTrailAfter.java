package de.gremium.query.audit;

/** Up to {@code limit} matching entries after {@code afterPosition}, in position order: one slice of an export. */
public record FetchAuditTrailAfter(AuditFilter filter, long afterPosition, int limit) {
}
