package de.gremium.query.audit;

import org.bson.Document;

/**
 * One link of the hash chain in {@code event_chain}: the event at {@code position} in the audit processor's order,
 * the hash of its stored row, and the chain hash that ties it to every link before it. {@code globalIndex} is the
 * event's place in the record's global order when it was chained (also hashed): it tells a reader where to find
 * the row without this code.
 */
record ChainLink(long position, String eventId, Long globalIndex, String contentHash, String chainHash,
        String previousChainHash) {

    static final String COLLECTION = "event_chain";

    /** The chain hash "before" position 1. */
    static final String GENESIS = "0".repeat(64);

    /** The link that follows this one, for an event whose stored row hashes to {@code contentHash}. */
    ChainLink next(String eventId, long globalIndex, String contentHash) {
        return new ChainLink(position + 1, eventId, globalIndex, contentHash, ChainHashes.chainHash(chainHash, contentHash),
                chainHash);
    }

    /** Stands before the first link, so that the first real link is {@code head().next(...)} like every other. */
    static ChainLink origin() {
        return new ChainLink(0, null, null, null, GENESIS, null);
    }

    Document toDocument() {
        return new Document("_id", position)
                .append("eventId", eventId)
                .append("globalIndex", globalIndex)
                .append("contentHash", contentHash)
                .append("chainHash", chainHash)
                .append("previousChainHash", previousChainHash);
    }

    static ChainLink of(Document document) {
        Object globalIndex = document.get("globalIndex");
        return new ChainLink(((Number) document.get("_id")).longValue(), document.getString("eventId"),
                globalIndex instanceof Number n ? n.longValue() : null, document.getString("contentHash"),
                document.getString("chainHash"), document.getString("previousChainHash"));
    }
}
