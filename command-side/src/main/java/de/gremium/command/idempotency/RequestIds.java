package de.gremium.command.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Ids for what a request creates: random, or, when the request carries an Idempotency-Key, derived
 * from user, key and the time the key was claimed (reproducible for that claim; a key used again after its record
 * expired is claimed anew and creates new things).
 */
@Component
public class RequestIds {

    private final HttpServletRequest request;

    public RequestIds(HttpServletRequest request) {
        this.request = request;
    }

    /** A new id for the thing named {@code purpose} (several things created by one request differ by it). */
    public UUID newId(String purpose) {
        Object scopedKey = request.getAttribute(IdempotencyFilter.SCOPED_KEY);
        if (scopedKey == null) {
            return UUID.randomUUID();
        }
        return UUID.nameUUIDFromBytes((scopedKey + "\u0000" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    /** True when this request is keyed, so an "already exists" for a derived id means "retried". */
    public boolean isKeyed() {
        return request.getAttribute(IdempotencyFilter.SCOPED_KEY) != null;
    }
}
