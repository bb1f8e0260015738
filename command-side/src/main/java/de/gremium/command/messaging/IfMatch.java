package de.gremium.command.messaging;

import de.gremium.platform.web.ApiException;
import de.gremium.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;

/** Reads the aggregate version a client expects from an {@code If-Match} header ({@code "3"} or {@code 3}). */
public final class IfMatch {

    private IfMatch() {
    }

    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String raw = ifMatch.trim();
        if (raw.startsWith("W/")) {
            raw = raw.substring(2);
        }
        raw = raw.replace("\"", "");
        try {
            long version = Long.parseLong(raw);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request",
                    "If-Match must be a version as the query side's ETag gives it, e.g. \"3\"", "If-Match");
        }
    }
}
