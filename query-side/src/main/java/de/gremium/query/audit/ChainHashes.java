package de.gremium.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.Binary;

/**
 * The two hashes of the chain, specified in docs/audit.md so that anyone can recompute them from a
 * copy of the store without this code.
 *
 * <p>The canonical form lists the fields Axon reads back from a stored event, in a fixed order, one
 * line each: {@code name=value}, where a string is {@code s<UTF-8 byte length>:<text>} (the length
 * makes values that contain line breaks unambiguous), an integer {@code i<decimal>}, a missing field
 * or null {@code -}. Integers are hashed by value, not by BSON type (Int32 5 and Int64 5 are the same
 * sequence number to Axon).
 */
final class ChainHashes {

    /** The stored fields that make an event what it is, as {@code DocumentPerEventStorageStrategy} names them. */
    static final List<String> FIELDS = List.of("eventIdentifier", "aggregateIdentifier", "sequenceNumber", "type",
            "timestamp", "payloadType", "payloadRevision", "serializedPayload", "serializedMetaData");

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonWriterSettings EXTENDED_JSON = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private ChainHashes() {
    }

    /** SHA-256 (lower-case hex) of the stored document's canonical form. */
    static String contentHash(Document stored) {
        return sha256(canonical(stored));
    }

    /** SHA-256 (lower-case hex) of the previous link's chain hash followed by this link's content hash. */
    static String chainHash(String previousChainHash, String contentHash) {
        return sha256(previousChainHash + contentHash);
    }

    static String canonical(Document stored) {
        StringBuilder out = new StringBuilder(512);
        for (String field : FIELDS) {
            out.append(field).append('=').append(value(stored.get(field))).append('\n');
        }
        return out.toString();
    }

    private static String value(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Integer || value instanceof Long) {
            return "i" + ((Number) value).longValue();
        }
        // Axon writes strings with the Jackson serializer; the rest covers serializers that write BSON
        if (value instanceof String text) {
            return lengthPrefixed('s', text);
        }
        if (value instanceof Document document) {
            return lengthPrefixed('j', document.toJson(EXTENDED_JSON));
        }
        if (value instanceof Binary binary) {
            return lengthPrefixed('b', Base64.getEncoder().encodeToString(binary.getData()));
        }
        return lengthPrefixed('o', value.getClass().getName() + ":" + value);
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
