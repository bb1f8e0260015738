package de.gremium.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The key table of crypto-shredding ({@code personal_data_key}, migration V3), read and written by JDBC on the
 * connection of the current transaction: a key made while an event is appended commits or rolls back with it, and an
 * erasure deletes keys in the transaction of its event. No cache: every look-up reads the table, so a deleted key is
 * gone for every process at once.
 *
 * <p>The table names its subjects (a user id, an item such as {@code report:<id>}) only by the SHA-256 of their text
 * ({@link #subject}), never in clear: a subject of any length or with any character (the record's values are not the
 * edge's) fits, and the table itself holds no user id even before an erasure deletes its rows.
 */
public class PersonalDataKeys {

    /** A key: its id (written into every value it encrypts) and its 256-bit AES key. */
    public record Key(UUID id, byte[] bytes) {
    }

    /** The advisory lock between key writers (shared) and erasures (exclusive); any constant of this application. */
    static final long ERASURE_LOCK = 0x6772656d69756dL; // "gremium"

    private final JdbcTemplate jdbc;

    public PersonalDataKeys(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The key of this person ({@code item} empty) or of this person's text about an item; made on first use. */
    public Key keyFor(String person, String item) {
        return keyOf(subject(person), subject(item));
    }

    private Key keyOf(String person, String item) {
        lockForWriting();
        Optional<Key> existing = find(person, item);
        if (existing.isPresent()) {
            return existing.get();
        }
        // a concurrent first use waits for the other's commit and then keeps its key
        jdbc.update("""
                INSERT INTO personal_data_key (key_id, person, item, item_owner, key_bytes)
                VALUES (?, ?, ?, CASE WHEN ? = '' THEN NULL
                                      ELSE COALESCE((SELECT min(k.item_owner) FROM personal_data_key k WHERE k.item = ?), ?) END, ?)
                ON CONFLICT (person, item) DO NOTHING""",
                UUID.randomUUID(), person, item, item, item, person, newKey());
        return find(person, item).orElseThrow();
    }

    /** The key with this id, or empty once it was erased. */
    public Optional<byte[]> bytesOf(UUID keyId) {
        List<byte[]> found = jdbc.query("SELECT key_bytes FROM personal_data_key WHERE key_id = ?",
                (row, n) -> row.getBytes(1), keyId);
        return found.stream().findFirst();
    }

    /** Whether the record holds anything encrypted for this person (a key of theirs exists). */
    public boolean holdsKeysOf(String person) {
        Integer keys = jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE person = ?", Integer.class,
                subject(person));
        return keys != null && keys > 0;
    }

    /** Whether the record holds any of this item's text encrypted (a key of the item exists). */
    public boolean holdsKeysOfItem(String item) {
        Integer keys = jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE item = ?", Integer.class,
                subject(item));
        return keys != null && keys > 0;
    }

    /** Whether the person first wrote about the item, so that the item's keys go with the person's erasure. */
    public boolean ownsItem(String person, String item) {
        Integer keys = jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE item = ? AND item_owner = ?",
                Integer.class, subject(item), subject(person));
        return keys != null && keys > 0;
    }

    /** Deletes the person's keys and the keys of every item they first wrote about; how many were deleted. */
    public int erasePerson(String person) {
        lockForErasure();
        String subject = subject(person);
        return jdbc.update("DELETE FROM personal_data_key WHERE person = ? OR item_owner = ?", subject, subject);
    }

    /** Deletes every key of the item's text, whoever wrote it; how many were deleted. */
    public int eraseItem(String item) {
        lockForErasure();
        return jdbc.update("DELETE FROM personal_data_key WHERE item = ?", subject(item));
    }

    /**
     * A writer's share of the erasure lock, once per transaction: an erasure waits until every write that already
     * holds (or made) a key committed, and a write that starts later waits until the erasure committed. Public for
     * what the command side keeps beside the record about a person (its e-mail outbox), which must not outlive an
     * erasure either; without a transaction it holds only for the statement, so call it within one.
     */
    public void lockForWriting() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (TransactionSynchronizationManager.hasResource(this)) {
                return;
            }
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PersonalDataKeys.this);
                }
            });
        }
        jdbc.query("SELECT pg_advisory_xact_lock_shared(?)", row -> { }, ERASURE_LOCK);
    }

    /**
     * The erasure's exclusive lock, held until its transaction ends (docs/adr/0007-crypto-shredding.md); taken again
     * by {@link #erasePerson} and {@link #eraseItem}, public for an erasure that must hold it earlier.
     */
    public void lockForErasure() {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", row -> { }, ERASURE_LOCK);
    }

    private Optional<Key> find(String person, String item) {
        return jdbc.query("SELECT key_id, key_bytes FROM personal_data_key WHERE person = ? AND item = ?",
                (row, n) -> new Key(row.getObject(1, UUID.class), row.getBytes(2)), person, item).stream().findFirst();
    }

    /** How the table names a subject: the hex SHA-256 of its UTF-8 text; no item stays the empty text. */
    static String subject(String text) {
        if (text.isEmpty()) {
            return "";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no SHA-256", e);
        }
    }

    private static byte[] newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey().getEncoded();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no AES", e);
        }
    }
}
