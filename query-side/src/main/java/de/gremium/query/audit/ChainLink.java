package de.gremium.query.audit;

import org.bson.Document;

/**
 * One link of the hash chain in {@code event_chain}: the event at {@code position} in the audit
 * processor's order, the hash of its stored document, and the chain hash that ties it to every link
 * before it. {@code timestamp} is the event's stored timestamp string, kept so that the verifier can
 * fetch a batch of raw documents by time range (Axon's own index) instead of by id.
 */
record ChainLink(long position, String eventId, String timestamp, String contentHash, String chainHash,
        String previousChainHash) {

    static final String COLLECTION = "event_chain";

    /** The chain hash "before" position 1. */
    static final String GENESIS = "0".repeat(64);

    /** The link that follows this one, for an event whose stored document hashes to {@code contentHash}. */
    ChainLink next(String eventId, String timestamp, String contentHash) {
        return new ChainLink(position + 1, eventId, timestamp, contentHash, ChainHashes.chainHash(chainHash, contentHash),
                chainHash);
    }

    /** Stands before the first link, so that the first real link is {@code head().next(...)} like every other. */
    static ChainLink origin() {
        return new ChainLink(0, null, null, null, GENESIS, null);
    }

    Document toDocument() {
        return new Document("_id", position)
                .append("eventId", eventId)
                .append("timestamp", timestamp)
                .append("contentHash", contentHash)
                .append("chainHash", chainHash)
                .append("previousChainHash", previousChainHash);
    }

    static ChainLink of(Document document) {
        return new ChainLink(((Number) document.get("_id")).longValue(), document.getString("eventId"),
                document.getString("timestamp"), document.getString("contentHash"), document.getString("chainHash"),
                document.getString("previousChainHash"));
    }
}
