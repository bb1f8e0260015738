package de.gremium.query.audit;

/**
 * One row of the record's {@code domain_event_entry} as Axon's JDBC storage engine wrote it, read past Axon (no
 * upcasting, no deserialisation): what the hash chain covers.
 *
 * @param payload  the serialized payload's bytes, as stored
 * @param metaData the serialized metadata's bytes, as stored (null if the column is null)
 */
record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
        String timeStamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
}
