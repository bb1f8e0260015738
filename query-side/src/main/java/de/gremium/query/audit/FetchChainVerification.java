package de.gremium.query.audit;

/** Walk the hash chain now and report what it found. */
public record FetchChainVerification() {
}
