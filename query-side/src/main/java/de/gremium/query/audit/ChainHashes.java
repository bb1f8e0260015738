package de.gremium.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The two hashes of the chain, specified in docs/audit.md so that anyone can recompute them from a copy of the
 * record without this code.
 *
 * <p>The canonical form of a stored event lists the columns of its {@code domain_event_entry} row that Axon reads
 * back, and its place in the record's global order, in a fixed order, one line each: {@code name=value}, where a
 * text is {@code s<UTF-8 byte length>:<text>} (the length makes values that contain line breaks unambiguous), bytes
 * are {@code b<length>:<base64>} (the length of the Base64 text), an integer is {@code i<decimal>}, and SQL
 * {@code NULL} is {@code -}.
 */
final class ChainHashes {

    private static final HexFormat HEX = HexFormat.of();

    private ChainHashes() {
    }

    /** SHA-256 (lower-case hex) of the stored row's canonical form. */
    static String contentHash(StoredEvent stored) {
        return sha256(canonical(stored));
    }

    /** SHA-256 (lower-case hex) of the previous link's chain hash followed by this link's content hash. */
    static String chainHash(String previousChainHash, String contentHash) {
        return sha256(previousChainHash + contentHash);
    }

    static String canonical(StoredEvent stored) {
        return "event_identifier=" + text(stored.eventIdentifier()) + "\n"
                + "aggregate_identifier=" + text(stored.aggregateIdentifier()) + "\n"
                + "sequence_number=i" + stored.sequenceNumber() + "\n"
                + "type=" + text(stored.type()) + "\n"
                + "time_stamp=" + text(stored.timeStamp()) + "\n"
                + "payload_type=" + text(stored.payloadType()) + "\n"
                + "payload_revision=" + text(stored.payloadRevision()) + "\n"
                + "payload=" + bytes(stored.payload()) + "\n"
                + "meta_data=" + bytes(stored.metaData()) + "\n"
                + "global_index=i" + stored.globalIndex() + "\n";
    }

    private static String text(String value) {
        return value == null ? "-" : lengthPrefixed('s', value);
    }

    private static String bytes(byte[] value) {
        return value == null ? "-" : lengthPrefixed('b', Base64.getEncoder().encodeToString(value));
    }

    private static String lengthPrefixed(char tag, String text) {
        return tag + Integer.toString(text.getBytes(StandardCharsets.UTF_8).length) + ":" + text;
    }

    private static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
