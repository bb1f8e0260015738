package de.gremium.platform.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One value encrypted with AES-GCM (the JDK's, 256-bit key, random 96-bit IV, 128-bit tag) into a marked string,
 * {@code pd1:<key id>:<p|t>:<base64url(iv | ciphertext)>}: the key id and what the value reads as once the key is
 * gone (p: a person, t: a text), both bound to the ciphertext as associated data.
 */
final class PersonalDataCipher {

    static final String PREFIX = "pd1:";
    /**
     * Marks a text that the record holds as it was written although it starts like a marked value: on the way in,
     * every text of an event or of metadata that starts with {@code pd0:} or {@code pd1:} gets this prefix once more,
     * so that only what the serializer sealed itself reads as sealed (a client's {@code pd1:…} header or title is
     * never taken for a sealed value); on the way out it is taken off again.
     */
    static final String LITERAL = "pd0:";
    private static final Pattern MARKED = Pattern.compile(
            "pd1:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([pt]):([A-Za-z0-9_-]+)");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A marked value, not yet decrypted. */
    record Sealed(UUID keyId, boolean text, byte[] ivAndCiphertext) {

        String header() {
            return PREFIX + keyId + ":" + (text ? "t" : "p");
        }
    }

    private PersonalDataCipher() {
    }

    static String seal(String plaintext, PersonalDataKeys.Key key, boolean text) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        String header = PREFIX + key.id() + ":" + (text ? "t" : "p");
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(header.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = ByteBuffer.allocate(iv.length + ciphertext.length).put(iv).put(ciphertext).array();
            return header + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to encrypt", e);
        }
    }

    /** The value as a sealed one, or empty when it is not marked (plaintext, as records of earlier versions hold). */
    static Optional<Sealed> parse(String value) {
        if (!value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Matcher m = MARKED.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Sealed(UUID.fromString(m.group(1)), m.group(2).equals("t"), Base64.getUrlDecoder().decode(m.group(3))));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** The text as the record keeps it: one more {@link #LITERAL} before a text that starts like a marked one. */
    static String escaped(String text) {
        return text.startsWith(PREFIX) || text.startsWith(LITERAL) ? LITERAL + text : text;
    }

    /** The text as it was written: the {@link #LITERAL} that {@link #escaped} put before it taken off. */
    static String unescaped(String text) {
        return text.startsWith(LITERAL) ? text.substring(LITERAL.length()) : text;
    }

    /** The plaintext, or empty when the value does not open with this key (not one of ours, or tampered with). */
    static Optional<String> open(Sealed sealed, byte[] key) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed.ivAndCiphertext(), 0, IV_BYTES));
            cipher.updateAAD(sealed.header().getBytes(StandardCharsets.UTF_8));
            byte[] plaintext = cipher.doFinal(sealed.ivAndCiphertext(), IV_BYTES, sealed.ivAndCiphertext().length - IV_BYTES);
            return Optional.of(new String(plaintext, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
