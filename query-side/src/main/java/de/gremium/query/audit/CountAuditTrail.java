package de.gremium.query.audit;

/** How many entries match, counted up to the log's current head, which the answer names. */
public record CountAuditTrail(AuditFilter filter) {
}
