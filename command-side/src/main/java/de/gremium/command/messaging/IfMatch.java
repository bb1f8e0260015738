package de.gremium.command.messaging;

import de.gremium.platform.refusal.Refusal;

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
            throw Refusal.invalid("If-Match", "If-Match must be a version as the query side's ETag gives it, e.g. \"3\"");
        }
    }
}
